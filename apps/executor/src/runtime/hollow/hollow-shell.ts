import { LogStreamName } from '../container-runtime.port';

// A tiny stand-in for `sh -c` inside hollow containers: enough for CMD checks, hooks and tests to observe the
// same exit codes and output as on Docker, without processes. Supported: `;`-separated statements of echo,
// cat, printenv, test -f/-e, sleep, true, false, exit; `>&2` / `1>&2` sends a statement's output to stderr.
// Anything else fails like a missing binary (127).

export interface HollowShellContext {
  env: Record<string, string>;
  files: Map<string, Buffer>;
  write(stream: LogStreamName, text: string): void;
  sleep(ms: number): Promise<void>;
}

class ShellExit {
  constructor(readonly code: number) {}
}

type Builtin = (args: string[], ctx: HollowShellContext, out: LogStreamName) => Promise<number> | number;

const builtins: Record<string, Builtin> = {
  echo: (args, ctx, out) => {
    ctx.write(out, `${args.join(' ')}\n`);
    return 0;
  },
  cat: (args, ctx, out) => {
    for (const path of args) {
      const content = ctx.files.get(path);
      if (content === undefined) {
        ctx.write('stderr', `cat: can't open '${path}': No such file or directory\n`);
        return 1;
      }
      ctx.write(out, content.toString('utf8'));
    }
    return 0;
  },
  printenv: (args, ctx, out) => {
    const value = ctx.env[args[0] ?? ''];
    if (value === undefined) return 1;
    ctx.write(out, `${value}\n`);
    return 0;
  },
  test: (args, ctx) => {
    const [flag, path] = args;
    return (flag === '-f' || flag === '-e') && path !== undefined && ctx.files.has(path) ? 0 : 1;
  },
  sleep: async (args, ctx) => {
    await ctx.sleep(Number(args[0] ?? 0) * 1000);
    return 0;
  },
  true: () => 0,
  false: () => 1,
  exit: (args) => {
    throw new ShellExit(Number(args[0] ?? 0));
  },
};

function tokenize(statement: string): string[] {
  const tokens: string[] = [];
  const pattern = /'([^']*)'|"([^"]*)"|(\S+)/g;
  for (const match of statement.matchAll(pattern)) {
    tokens.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return tokens;
}

function expand(token: string, env: Record<string, string>): string {
  return token.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (_, name: string) => env[name] ?? '');
}

async function runStatement(statement: string, ctx: HollowShellContext): Promise<number> {
  let tokens = tokenize(statement).map((t) => expand(t, ctx.env));
  let out: LogStreamName = 'stdout';
  if (tokens.length > 0 && ['>&2', '1>&2'].includes(tokens[tokens.length - 1] ?? '')) {
    out = 'stderr';
    tokens = tokens.slice(0, -1);
  }
  const [command, ...args] = tokens;
  if (command === undefined) return 0;
  const builtin = builtins[command];
  if (!builtin) {
    ctx.write('stderr', `sh: ${command}: not found\n`);
    return 127;
  }
  return builtin(args, ctx, out);
}

export async function runHollowShell(script: string, ctx: HollowShellContext): Promise<number> {
  let status = 0;
  try {
    for (const statement of script.split(';')) {
      status = await runStatement(statement.trim(), ctx);
    }
  } catch (err) {
    if (err instanceof ShellExit) return err.code;
    throw err;
  }
  return status;
}

// `sh -c <script>` runs the script; any other argv runs as one statement (so `cat /x` works as exec argv too).
export function scriptOf(argv: string[]): string {
  if ((argv[0] === 'sh' || argv[0] === '/bin/sh') && argv[1] === '-c') return argv[2] ?? '';
  return argv.map((a) => (/\s/.test(a) ? `'${a}'` : a)).join(' ');
}
