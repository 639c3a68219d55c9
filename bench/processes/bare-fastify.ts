// The baseline of the proxy read path: a bare Fastify hello-world route in a process of its own, no logger, no
// plugins — the most one Fastify process answers on this machine. Listens on BENCH_PORT (localhost).
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));

app.listen({ port: Number(process.env.BENCH_PORT), host: 'localhost' }).then(
  () => {
    const stop = () => void app.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
