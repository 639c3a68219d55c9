// Serves the built mini app (www/) the way Zalo's CDN would: hashed assets cached for a year,
// index.html and app-config.json always revalidated.
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

export async function serveMiniApp(options: { root: string; port: number; host?: string }): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, {
    root: path.resolve(options.root),
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  await app.listen({ port: options.port, host: options.host ?? 'localhost' });
  return app;
}
