// The demo's static server, over real HTTP: what a browser gets for the built mini app.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chooseEncoding, serveMiniApp } from '../serve-mini-app';

let root: string;
let app: FastifyInstance;
let base: string;
const script = `export const text = ${JSON.stringify('Lào Cai số '.repeat(400))};\n`;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'serve-mini-app-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Lào Cai số</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index.abc123.module.js'), script);
  fs.writeFileSync(path.join(root, 'app-config.json'), '{"app":{"title":"Lào Cai số"}}');
  app = await serveMiniApp({ root, port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

it('sends hashed assets compressed with brotli when accepted, cacheable for a year', async () => {
  const res = await fetch(`${base}/assets/index.abc123.module.js`, { headers: { 'accept-encoding': 'br, gzip' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(res.headers.get('content-encoding')).toBe('br');
  expect(res.headers.get('vary')).toBe('Accept-Encoding');
  // fetch decodes the body: it is the file, and far fewer bytes travelled.
  expect(await res.text()).toBe(script);
  expect(Number(res.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(script) / 5);
});

it('sends gzip to a client without brotli, and the file as it is to one accepting neither', async () => {
  const gz = await fetch(`${base}/assets/index.abc123.module.js`, { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers.get('content-encoding')).toBe('gzip');
  expect(await gz.text()).toBe(script);
  const plain = await fetch(`${base}/assets/index.abc123.module.js`, { headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(script));
});

it('lets a phone keep index.html for 5 minutes, then revalidate it, answered 304 when unchanged', async () => {
  const first = await fetch(`${base}/`);
  expect(first.headers.get('cache-control')).toBe('max-age=300, stale-while-revalidate=604800');
  expect((await fetch(`${base}/index.html`)).headers.get('cache-control')).toBe('max-age=300, stale-while-revalidate=604800');
  const etag = first.headers.get('etag');
  expect(etag).toBeTruthy();
  // As a browser revalidates (fetch() would add Cache-Control: no-cache to a conditional request, a forced reload).
  const status = await new Promise<number>((resolve, reject) => {
    http.get(`${base}/`, { headers: { 'if-none-match': etag! } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
  expect(status).toBe(304);
});

it('has app-config.json revalidated on every use', async () => {
  const res = await fetch(`${base}/app-config.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-cache');
});

it('chooses brotli, then gzip, honouring q=0', () => {
  expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
  expect(chooseEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
  expect(chooseEncoding('*')).toBe('br');
  expect(chooseEncoding('identity')).toBeNull();
  expect(chooseEncoding(undefined)).toBeNull();
});
