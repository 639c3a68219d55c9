// QR codes and printable posters of the one-stop desks: a citizen scans one with Zalo and lands on that office (or one
// procedure's form) in the mini app. Public and cacheable: revalidated by ETag, generated once per content.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../composition';
import { NotFoundError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import type { MissingPoster, PosterContent } from '../../services/posters/poster-content';
import { POSTER_LAYOUT_VERSION, posterPdf } from '../../services/posters/poster-pdf';
import { QR_ERROR_CORRECTION, QR_QUIET_ZONE_MODULES, qrPng, qrSvg } from '../../services/posters/qr-code';
import { contentEtag, createRenderedCache, matchesIfNoneMatch } from '../../services/posters/rendered-cache';
import { CATALOG_CACHE_CONTROL } from '../cache-control';
import { officeNotFound, procedureNotFound } from '../catalog-errors';
import { officeCodeSchema, procedureCodeSchema } from '@lao-cai-so/domain/api/codes';

const procQuery = procedureCodeSchema
  .optional()
  .meta({ description: 'A procedure the office handles: the code opens its form, with the office chosen' });

export const QR_SIZE = { min: 128, max: 2048, default: 512 } as const;

const qrQuery = z.object({
  proc: procQuery,
  size: z
    .int()
    .min(QR_SIZE.min)
    .max(QR_SIZE.max)
    .default(QR_SIZE.default)
    .meta({ description: 'Width and height in pixels, quiet zone included' }),
});
const posterQuery = z.object({ proc: procQuery });
const officeParams = z.object({ code: officeCodeSchema });

type QrQuery = z.output<typeof qrQuery>;
type PosterQuery = z.output<typeof posterQuery>;
type OfficeParams = z.output<typeof officeParams>;

const binary = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: { type: 'string', format: 'binary' } } },
});
const notModified = { 304: { description: 'Not modified: the If-None-Match tag is current', type: 'null' } };

const MISSING: Record<MissingPoster, () => Error> = {
  'office-not-found': officeNotFound,
  'procedure-not-found': procedureNotFound,
  'office-does-not-handle-procedure': () =>
    new NotFoundError(
      'OFFICE_DOES_NOT_HANDLE_PROCEDURE',
      'Cơ quan này không giải quyết thủ tục này. Hãy chọn thủ tục khác hoặc cơ quan khác.',
    ),
};

const noOffices = () => new NotFoundError('OFFICE_NOT_FOUND', 'Danh mục chưa có cơ quan nào để in áp phích.');

function fileName(kind: 'qr' | 'poster', content: PosterContent, extension: string): string {
  const procedure = content.procedure ? `-${content.procedure.code}` : '';
  return `lao-cai-so-${kind}-${content.office.code}${procedure}.${extension}`;
}

/** Sets the caching headers; true when the client's copy is current (then answer 304 with no body). */
function cacheable(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('cache-control', CATALOG_CACHE_CONTROL).header('etag', etag);
  return matchesIfNoneMatch(request.headers['if-none-match'], etag);
}

function pdfBytes(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

export async function officePosterRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { catalogue } = services;
  const appId = services.config.zalo.appId;
  const rendered = createRenderedCache();

  async function contentOf(officeCode: string, procedureCode: string | undefined): Promise<PosterContent> {
    const content = await catalogue.officePosterContent(appId, officeCode, procedureCode);
    if (typeof content === 'string') throw MISSING[content]();
    return content;
  }

  async function renderOnce(etag: string, render: () => Promise<Buffer>): Promise<Buffer> {
    const cached = rendered.get(etag);
    if (cached) return cached;
    const bytes = await render();
    rendered.set(etag, bytes);
    return bytes;
  }

  const qrRoute = (format: 'png' | 'svg') => ({
    config: { public: true },
    schema: {
      tags: [TAGS.offices],
      summary: `The office's QR code as ${format.toUpperCase()}`,
      description:
        `Public. Encodes https://zalo.me/s/<app id>/?office=<code>[&proc=<procedure>] (error correction ` +
        `${QR_ERROR_CORRECTION}, ${QR_QUIET_ZONE_MODULES}-module quiet zone). Cacheable; ETag and If-None-Match.`,
      security: [],
      params: toJsonSchema(officeParams, 'input'),
      querystring: toJsonSchema(qrQuery, 'input'),
      response: {
        200: binary(format === 'png' ? 'image/png' : 'image/svg+xml', `The QR code (${format.toUpperCase()})`),
        ...notModified,
        ...errorResponses(400, 404),
      },
    },
  });

  for (const format of ['png', 'svg'] as const) {
    app.get<{ Params: OfficeParams; Querystring: QrQuery }>(`/offices/:code/qr.${format}`, qrRoute(format), async (request, reply) => {
      const { size, proc } = request.query;
      const content = await contentOf(request.params.code, proc);
      const etag = contentEtag({ format, size, link: content.link, level: QR_ERROR_CORRECTION, margin: QR_QUIET_ZONE_MODULES });
      if (cacheable(request, reply, etag)) return reply.code(304).send();
      const bytes = await renderOnce(etag, () => (format === 'png' ? qrPng(content.link, size) : qrSvg(content.link, size)));
      return reply
        .type(format === 'png' ? 'image/png' : 'image/svg+xml')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename="${fileName('qr', content, format)}"`)
        .send(bytes);
    });
  }

  app.get<{ Params: OfficeParams; Querystring: PosterQuery }>(
    '/offices/:code/poster.pdf',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.offices],
        summary: "The office's printable A4 poster (PDF)",
        description:
          'Public. Title, office name and address, the steps, a 15 cm QR code and the link in text; with proc, ' +
          'the procedure name and a code that opens its form. Cacheable; ETag and If-None-Match.',
        security: [],
        params: toJsonSchema(officeParams, 'input'),
        querystring: toJsonSchema(posterQuery, 'input'),
        response: { 200: binary('application/pdf', 'One A4 page'), ...notModified, ...errorResponses(400, 404) },
      },
    },
    async (request, reply) => {
      const content = await contentOf(request.params.code, request.query.proc);
      const etag = contentEtag({ format: 'pdf', layout: POSTER_LAYOUT_VERSION, posters: [content] });
      if (cacheable(request, reply, etag)) return reply.code(304).send();
      const bytes = await renderOnce(etag, () => pdfBytes(posterPdf([content], `Áp phích Lào Cai số — ${content.office.name}`)));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${fileName('poster', content, 'pdf')}"`)
        .send(bytes);
    },
  );

  app.get(
    '/offices/posters.pdf',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.offices],
        summary: 'One printable A4 poster per office of the province (PDF)',
        description:
          'Public. The provincial centre first, then the communes and wards by name. Streamed page by page on ' +
          'first request, then served from memory until the catalogue changes. Cacheable; ETag and If-None-Match.',
        security: [],
        response: { 200: binary('application/pdf', 'One A4 page per office'), ...notModified, ...errorResponses(404) },
      },
    },
    async (request, reply) => {
      const posters = await catalogue.allOfficePosterContents(appId);
      if (posters.length === 0) throw noOffices();
      const etag = contentEtag({ format: 'pdf', layout: POSTER_LAYOUT_VERSION, posters });
      if (cacheable(request, reply, etag)) return reply.code(304).send();
      reply.type('application/pdf').header('content-disposition', 'attachment; filename="lao-cai-so-posters.pdf"');
      const cached = rendered.get(etag);
      if (cached) return reply.send(cached);

      // Streamed as it is drawn (a turn of the event loop between pages lets each page go out); the bytes are
      // kept once the whole document was produced. Both readers are attached in the same tick, so neither misses
      // the first chunks.
      const doc = posterPdf(posters, 'Áp phích Lào Cai số — các cơ quan tỉnh Lào Cai');
      const body = doc.pipe(new PassThrough());
      pdfBytes(doc).then(
        (bytes) => rendered.set(etag, bytes),
        (error: Error) => {
          request.log.error({ err: { message: error.message } }, 'poster document failed');
          body.destroy(error);
        },
      );
      return reply.send(body);
    },
  );
}
