/**
 * The built binary in a real pseudo-terminal, through tmux (/usr/bin/tmux): start a command in a
 * detached session of a given size, send keys, read the screen, wait for text. Every session runs
 * on its own server socket (`-L`), so tests never touch a user's tmux and never see each other.
 * The command runs under `sh -c '…; echo "[exit N]"; sleep'` so its exit code shows on the screen.
 *
 * The environment of the binary is exactly `env` (plus PATH, HOME, LANG and TERM): nothing of
 * the parent leaks in, so `CI=true` in the parent changes nothing unless a test passes it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const TMUX = process.env.TMUX_BIN ?? '/usr/bin/tmux';

export function hasTmux(): boolean {
  try {
    execFileSync(TMUX, ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let counter = 0;

export interface SessionOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly width?: number;
  readonly height?: number;
  /** A shell command run in the same terminal after the program ends, before `[exit N]` (e.g. `stty -a`). */
  readonly after?: string;
  /** Every byte the program writes to the terminal is also copied to this file (tmux pipe-pane). */
  readonly rawLog?: string;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export class TmuxSession {
  private constructor(
    readonly socket: string,
    readonly name: string,
    private readonly env: Record<string, string>,
  ) {}

  /** Starts `argv` (argv[0] is the program) in a new detached session. */
  static async start(argv: readonly string[], opts: SessionOptions): Promise<TmuxSession> {
    counter += 1;
    const id = `${process.pid}-${counter}-${Date.now().toString(36)}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      LANG: 'C.UTF-8',
      TERM: 'xterm-256color',
      ...(opts.env ?? {}),
    };
    const session = new TmuxSession(`sciatica-e2e-${id}`, `s${counter}`, env);
    // `env -i`: tmux would otherwise set TERM (and pass its server's environment) to the program.
    const envArgs = Object.entries(env).map(([k, v]) => shellQuote(`${k}=${v}`));
    const after = opts.after === undefined ? '' : ` ${opts.after};`;
    // With a raw log the program waits until the pipe is attached, so its first byte is in the log.
    const go = opts.rawLog === undefined ? undefined : `${opts.rawLog}.go`;
    const wait = go === undefined ? '' : `while [ ! -e ${shellQuote(go)} ]; do sleep 0.02; done; `;
    // `trap : INT`: Ctrl+C in cooked mode (plain mode) signals the whole foreground group, as in a
    // real shell, where the shell itself survives; this wrapper must survive too to print `[exit N]`.
    const command = `trap : INT; ${wait}env -i ${envArgs.join(' ')} ${argv.map(shellQuote).join(' ')}; code=$?;${after} echo "[exit $code]"; sleep 600`;
    await session.tmux([
      'new-session', '-d', '-s', session.name, '-x', String(opts.width ?? 100), '-y', String(opts.height ?? 40), '-c', opts.cwd,
      'sh', '-c', command,
    ]);
    if (opts.rawLog !== undefined && go !== undefined) {
      await session.tmux(['pipe-pane', '-o', '-t', session.name, `cat > ${shellQuote(opts.rawLog)}`]);
      execFileSync('touch', [go]);
    }
    return session;
  }

  private async tmux(args: string[]): Promise<string> {
    const { stdout } = await run(TMUX, ['-L', this.socket, '-f', '/dev/null', ...args], { env: this.env });
    return stdout;
  }

  /** Sends tmux key names (`Enter`, `Down`, `C-c`, `Space`, `BSpace`). */
  async keys(...keys: string[]): Promise<void> {
    await this.tmux(['send-keys', '-t', this.name, ...keys]);
  }

  /** Types text literally (no key-name lookup). */
  async type(text: string): Promise<void> {
    await this.tmux(['send-keys', '-t', this.name, '-l', text]);
  }

  /** Everything printed so far (scrollback included), wrapped lines joined, trailing blanks trimmed. */
  async screen(): Promise<string> {
    const text = await this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.name]);
    return text.replace(/\s+$/, '');
  }

  /** Everything printed so far, lines as the terminal shows them (a line the terminal wrapped is two). */
  async scrollback(): Promise<string> {
    return (await this.tmux(['capture-pane', '-p', '-S', '-', '-t', this.name])).replace(/\s+$/, '');
  }

  /** Only what is on the screen now (no scrollback), lines as the terminal shows them, trailing blanks trimmed. */
  async visible(): Promise<string> {
    return (await this.tmux(['capture-pane', '-p', '-t', this.name])).replace(/\s+$/, '');
  }

  /** The screen with colour escapes (to check that none are sent). */
  async rawScreen(): Promise<string> {
    return this.tmux(['capture-pane', '-p', '-e', '-J', '-S', '-', '-t', this.name]);
  }

  /**
   * Waits until `what` appears on the screen after the `after`-th occurrence (default: anywhere).
   * Polls; fails with the screen in the message.
   */
  async waitFor(what: string | RegExp, opts: { timeout?: number; count?: number } = {}): Promise<string> {
    const deadline = Date.now() + (opts.timeout ?? 15_000);
    const count = opts.count ?? 1;
    let screen = '';
    for (;;) {
      screen = await this.screen();
      if (occurrences(screen, what) >= count) return screen;
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${String(what)}${count > 1 ? ` (×${count})` : ''}; the screen was:\n${screen}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * Sends `signal` to the program alone, as `kill -INT <pid>` from another terminal would (tmux's
   * C-c would also reach the shell around it). The program is the pane shell's only child.
   */
  async signal(signal: NodeJS.Signals): Promise<void> {
    const shell = (await this.tmux(['list-panes', '-t', this.name, '-F', '#{pane_pid}'])).trim();
    const { stdout } = await run('ps', ['-o', 'pid=', '--ppid', shell]);
    const pid = Number(stdout.trim().split(/\s+/)[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no program runs under the pane shell ${shell}`);
    process.kill(pid, signal);
  }

  /** A tmux format of the pane (`#{cursor_flag}`: 1 when the cursor is shown). */
  async paneFormat(format: string): Promise<string> {
    return (await this.tmux(['display-message', '-p', '-t', this.name, format])).trim();
  }

  /** Waits for the command to end; its exit code. */
  async exitCode(timeout = 15_000): Promise<number> {
    const screen = await this.waitFor(/\[exit \d+\]/, { timeout });
    return Number(/\[exit (\d+)\]/.exec(screen)?.[1]);
  }

  async kill(): Promise<void> {
    await this.tmux(['kill-server']).catch(() => undefined);
  }
}

export function occurrences(text: string, what: string | RegExp): number {
  if (typeof what === 'string') return text.split(what).length - 1;
  return [...text.matchAll(new RegExp(what.source, what.flags.includes('g') ? what.flags : `${what.flags}g`))].length;
}
