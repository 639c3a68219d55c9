// Scripts of the officer console, under /officer/assets: the receipt scanner and the QR decoder it loads (jsQR's
// browser build, straight from node_modules).
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { RECEIPT_SCANNER_SCRIPT } from './receipt-scanner-script';

const JAVASCRIPT = 'text/javascript; charset=utf-8';

export async function officerAssets(app: FastifyInstance): Promise<void> {
  const jsQR = readFileSync(require.resolve('jsqr/dist/jsQR.js'));

  app.get('/assets/receipt-scanner.js', async (_request, reply) =>
    reply.type(JAVASCRIPT).header('cache-control', 'no-cache').send(RECEIPT_SCANNER_SCRIPT),
  );
  app.get('/assets/jsqr.js', async (_request, reply) =>
    reply.type(JAVASCRIPT).header('cache-control', 'public, max-age=86400').send(jsQR),
  );
}
