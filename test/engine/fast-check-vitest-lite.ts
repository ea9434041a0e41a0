/**
 * For the mutation runs only (vitest.stryker.config.ts points '@fast-check/vitest' here): the part
 * of @fast-check/vitest the engine's property tests use — `fc`, and `test.prop([arbitraries],
 * params)(name, property)` — on plain fast-check. The real package loads vitest's node entry again
 * in the test worker (10 s and more per run on a busy 2-core machine), and Stryker starts a fresh
 * run for every mutant. A property fails as with the package: it throws, or returns false.
 */
import * as fc from 'fast-check';
import { test as vitestTest } from 'vitest';

type Property = (...args: never[]) => boolean | void | Promise<boolean | void>;

function prop(arbitraries: readonly fc.Arbitrary<unknown>[], params?: fc.Parameters<unknown[]>) {
  return (name: string, property: Property, timeout?: number): void => {
    vitestTest(
      name,
      async () => {
        await fc.assert(
          fc.asyncProperty(fc.tuple(...arbitraries), async (args) => (property as (...a: unknown[]) => ReturnType<Property>)(...args)),
          params,
        );
      },
      timeout,
    );
  };
}

export { fc };
export const test: { readonly prop: typeof prop } = { prop };
