import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('the command line', () => {
  it('prints its version and exits 0', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(r.stderr).toBe('');
  });

  it('rejects an unknown option with exit 64 and a one-line hint, no stack trace', async () => {
    const r = await runCli(['--bogus']);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("unknown option '--bogus'");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
