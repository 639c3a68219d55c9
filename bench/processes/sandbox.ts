// The sandbox as its own process for the bench, started through startSandbox() (sandbox/src/main.ts) with the
// options the bench passes as JSON in BENCH_SANDBOX_OPTIONS (e.g. higher Zalo quotas for the notification run);
// the rest comes from the environment as in the demo. Stops on SIGTERM/SIGINT.
import { startSandbox } from '../../sandbox/src/main';
import { runAsMain } from '../../server/src/run-as-main';

const options = JSON.parse(process.env.BENCH_SANDBOX_OPTIONS ?? '{}') as Parameters<typeof startSandbox>[0];

runAsMain(async () => {
  const app = await startSandbox({ logger: { level: process.env.LOG_LEVEL ?? 'warn' }, ...options });
  return { close: () => app.close() };
});
