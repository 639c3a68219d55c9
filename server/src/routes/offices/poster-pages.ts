// The posters pages (issue 7): commune staff open /posters in an ordinary browser, find their office and download
// its printable A4 poster, a procedure's poster, its QR code, or every office's posters in one PDF. HTML, not API:
// public like the posters themselves, and hidden from the OpenAPI document. Errors are pages too (a 404 page in
// Vietnamese with a way back), never the API's JSON.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../composition';
import { normalizeSearchText } from '@lao-cai-so/domain/search-text';
import {
  officePosterPageHtml,
  POSTER_PAGES_CSP,
  POSTER_PAGES_PATH,
  posterIndexHtml,
  posterNotFoundHtml,
} from '../../services/posters/poster-pages-html';
import { CATALOG_CACHE_CONTROL } from '../cache-control';
import { officeCodeSchema } from '@lao-cai-so/domain/api/codes';

/** As GET /api/v1/offices?q= accepts (schemas.ts). */
const MAX_QUERY_LENGTH = 200;

function sendPage(reply: FastifyReply, statusCode: number, body: string): FastifyReply {
  return reply
    .code(statusCode)
    .type('text/html; charset=utf-8')
    .header('cache-control', statusCode === 200 ? CATALOG_CACHE_CONTROL : 'no-store')
    .header('content-security-policy', POSTER_PAGES_CSP)
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/**
 * The name filter as typed; none for a missing or repeated `q` or one without a letter or digit, and an overlong one
 * is cut (a page never answers 400).
 */
function filterText(q: unknown): string {
  const typed = typeof q === 'string' ? q.trim().slice(0, MAX_QUERY_LENGTH) : '';
  return normalizeSearchText(typed) ? typed : '';
}

export async function posterPageRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { catalogue } = services;
  const appId = services.config.zalo.appId;
  // Pages, not API operations: public by design (authentication.test.ts lists them), and not in /docs.
  const pageRoute = { config: { public: true }, schema: { hide: true } };

  app.get<{ Querystring: { q?: unknown } }>(POSTER_PAGES_PATH, pageRoute, async (request, reply) => {
    // The same offices in the same order as the pages of posters.pdf: the provincial centre first, then by name.
    const offices = (await catalogue.allOfficePosterContents(appId)).map(({ office }) => office);
    const query = filterText(request.query.q);
    let shown = offices;
    if (query) {
      // The directory's own search: diacritics and case ignored, former communes merged into a unit found too.
      const matches = await catalogue.searchOffices({ q: query, page: 1, pageSize: Math.max(offices.length, 1) });
      const matching = new Set(matches.items.map((office) => office.code));
      shown = offices.filter((office) => matching.has(office.code));
    }
    return sendPage(reply, 200, posterIndexHtml({ offices: shown, total: offices.length, query }));
  });

  app.get<{ Params: { code: string } }>(`${POSTER_PAGES_PATH}/:code`, pageRoute, async (request, reply) => {
    const code = officeCodeSchema.safeParse(request.params.code);
    const content = code.success ? await catalogue.officePosterContent(appId, code.data) : undefined;
    // Unknown, merged away (inactive) or malformed: the same page, which does not repeat what was asked for.
    if (!content || typeof content === 'string') return sendPage(reply, 404, posterNotFoundHtml());
    const procedures = await catalogue.listOfficeProcedures(content.office.code);
    return sendPage(reply, 200, officePosterPageHtml({ office: content.office, link: content.link, procedures }));
  });

  // Anything else under /posters is the same page: more path segments, or a "code" longer than the router's
  // 100-character parameter limit (the router tries this route before answering such a request with a JSON 414).
  app.get(`${POSTER_PAGES_PATH}/*`, pageRoute, async (_request, reply) => sendPage(reply, 404, posterNotFoundHtml()));
}
