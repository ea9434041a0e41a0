/**
 * A mistyped command is not taken for arguments of the default command (issue 13.12): the built
 * CLI says which command was meant, with the usual prefix, and exits 64.
 */
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/spawn-bin.js';

describe('a mistyped command', () => {
  it('`evalute a.json`: unknown command, did you mean evaluate?, exit 64 (not "too many arguments for interview")', async () => {
    const r = await runBin(['evalute', 'a.json']);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("sciatica-screen: unknown command 'evalute' (did you mean evaluate?)\n(add --help for usage)\n");
  });

  it('a word that is no command at all: the commands are listed, exit 64', async () => {
    const r = await runBin(['frobnicate']);
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^sciatica-screen: unknown command 'frobnicate' \(the commands are interview, validate, evaluate, batch, test[a-z, ]*\)\n\(add --help for usage\)\n$/);
  });

  it('batc, vaildate and tset are recognised too', async () => {
    for (const [typo, meant] of [['batc', 'batch'], ['vaildate', 'validate'], ['tset', 'test']] as const) {
      expect((await runBin([typo])).stderr).toContain(`(did you mean ${meant}?)`);
    }
  });
});
