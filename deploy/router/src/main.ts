import { DroveRouter } from './drove-router';
import { routerConfigFromEnv } from './router-config';

const log = (message: string): void => {
  process.stderr.write(`${new Date().toISOString()} drove-router: ${message}\n`);
};

let router: DroveRouter;
try {
  router = new DroveRouter(routerConfigFromEnv(process.env, log));
} catch (error) {
  log(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
router.start();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    void router.stop().then(() => process.exit(0));
  });
}
