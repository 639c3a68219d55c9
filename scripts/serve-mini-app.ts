// Serves the built mini app (www/) the way Zalo's CDN would: hashed assets cached for a year, index.html for 5
// minutes, app-config.json always revalidated, and text compressed — brotli when the browser accepts it, else gzip —
// from variants made once at start (as a CDN or nginx's brotli_static/gzip_static serve them), not per request.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|map)$/;
/** Smaller files gain nothing worth a header (and many proxies skip them too). */
const MIN_COMPRESS_BYTES = 1024;

interface Variants {
  br: Buffer;
  gzip: Buffer;
}

/** Which encoding to send: brotli, then gzip, when the client accepts it (a `;q=0` refuses one). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const allowed = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allowed('br')) return 'br';
  if (allowed('gzip')) return 'gzip';
  return null;
}

function compressibleFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(entry.name) && fs.statSync(full).size >= MIN_COMPRESS_BYTES) files.push(full);
    }
  };
  walk(root);
  return files;
}

/**
 * Hashed assets never change: a year, immutable. index.html names them, so it decides which release runs. It is
 * fresh for 5 minutes (a citizen reopening the app meanwhile gets the home with no round trip first; a new release
 * reaches a phone at most 5 minutes after it is deployed — the old release's assets stay valid) and then usable while
 * revalidated in the background for a week where the browser honours `stale-while-revalidate` for a page (Chromium
 * does so only for subresources: there a later visit pays one round trip, answered 304). Inside Zalo the mini app is
 * a package the client keeps and updates in the background, which is what this imitates. Anything else
 * (app-config.json) is revalidated on every use.
 */
export const INDEX_HTML_CACHE_CONTROL = 'max-age=300, stale-while-revalidate=604800';
function cacheControlFor(root: string, filePath: string): string {
  if (filePath.startsWith(path.join(root, 'assets') + path.sep)) return 'public, max-age=31536000, immutable';
  if (filePath === path.join(root, 'index.html')) return INDEX_HTML_CACHE_CONTROL;
  return 'no-cache';
}

export async function serveMiniApp(options: { root: string; port: number; host?: string }): Promise<FastifyInstance> {
  const root = path.resolve(options.root);
  // Compressed variants of every text file, made in the background from the start; a request for a file still
  // being compressed waits for it. Keyed by path, size and modification time, so a rebuilt file is compressed anew.
  const variants = new Map<string, Promise<Variants>>();
  const variantsOf = (file: string, stat: fs.Stats) => {
    const key = `${file}:${stat.size}:${stat.mtimeMs}`;
    let entry = variants.get(key);
    if (!entry) {
      entry = fs.promises.readFile(file).then(async (bytes) => ({
        br: await brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
        gzip: await gzip(bytes, { level: 9 }),
      }));
      variants.set(key, entry);
    }
    return entry;
  };
  for (const file of compressibleFiles(root)) void variantsOf(file, fs.statSync(file)).catch(() => undefined);

  const app = Fastify({ logger: false });
  const servedFile = new WeakMap<object, string>();
  await app.register(fastifyStatic, {
    root,
    // Its own Cache-Control (max-age=0) would replace the one set below.
    cacheControl: false,
    setHeaders(res, filePath) {
      res.setHeader('Cache-Control', cacheControlFor(root, filePath));
      if (COMPRESSIBLE.test(filePath)) res.setHeader('Vary', 'Accept-Encoding');
      servedFile.set(res, filePath);
    },
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const file = servedFile.get(reply.raw);
    if (!file || request.method !== 'GET' || reply.statusCode !== 200 || !COMPRESSIBLE.test(file)) return payload;
    const encoding = chooseEncoding(request.headers['accept-encoding']);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!encoding || !stat || stat.size < MIN_COMPRESS_BYTES) return payload;
    const compressed = (await variantsOf(file, stat))[encoding];
    (payload as { destroy?: () => void } | null)?.destroy?.();
    // The weak ETag of the file stays: both encodings are the same content, so revalidation answers 304 either way.
    reply.header('Content-Encoding', encoding);
    reply.header('Content-Length', compressed.length);
    return compressed;
  });
  await app.listen({ port: options.port, host: options.host ?? 'localhost' });
  return app;
}
