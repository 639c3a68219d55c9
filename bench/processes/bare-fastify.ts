// The baseline of the proxy read path: a bare Fastify hello-world route in a process of its own, no logger, no
// plugins — the most one Fastify process answers on this machine. Listens on BENCH_PORT (localhost).
import Fastify from 'fastify';
import { runAsMain } from '../../server/src/run-as-main';

runAsMain(async () => {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  await app.listen({ port: Number(process.env.BENCH_PORT), host: 'localhost' });
  return { close: () => app.close() };
});
