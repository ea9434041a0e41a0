/**
 * How many generated inputs a property or fuzz test runs: the CI share (`ci`, seeded, a few
 * seconds) in `npm test`; `FUZZ_RUNS` (set by `npm run fuzz`, 10 000) when given.
 */
export function runs(ci: number): number {
  const n = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(n) && n > 0 ? Math.max(n, ci) : ci;
}
