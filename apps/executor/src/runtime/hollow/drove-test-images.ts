import { HollowImage, HollowProcessContext } from './hollow-image';
import { runHollowShell, scriptOf } from './hollow-shell';

// Hollow doubles of the local test images (deploy/images): same environment defaults, output and exit codes.
// `secondMs` shortens the task's one-second pause so unit tests and scale tests stay fast.

export const HTTP_SERVER_IMAGE = 'drove-test/http-server:latest';
export const TASK_IMAGE = 'drove-test/task:latest';

const SIGTERM_EXIT = 143;

function runArgs(ctx: HollowProcessContext): Promise<number> {
  return runHollowShell(scriptOf(ctx.args), ctx);
}

export function droveTestImages(secondMs = 1000): Record<string, HollowImage> {
  return {
    [HTTP_SERVER_IMAGE]: {
      env: { PORT: '8000' },
      run: async (ctx) => {
        if (ctx.args.length > 0) return runArgs(ctx);
        ctx.write('stdout', `http-server: listening on port ${ctx.env.PORT}\n`);
        await ctx.stopped;
        return SIGTERM_EXIT;
      },
    },
    [TASK_IMAGE]: {
      env: { ITERATIONS: '3', EXIT_CODE: '0' },
      run: async (ctx) => {
        if (ctx.args.length > 0) return runArgs(ctx);
        const iterations = Number(ctx.env.ITERATIONS);
        for (let i = 1; i <= iterations; i++) {
          ctx.write('stdout', `Iteration: ${i}\n`);
          if (i < iterations) await ctx.sleep(secondMs);
        }
        return Number(ctx.env.EXIT_CODE);
      },
    },
  };
}
