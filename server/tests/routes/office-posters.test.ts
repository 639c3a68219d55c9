// QR codes and posters of the one-stop desks, read back as a phone and a printer would: the QR decoded from the
// PNG, the SVG and the rendered PDF page, the PDF's text extracted, every glyph checked to be a real one.
import { loadCatalog, readCatalog } from '../../src/db/seed';
import { decodeQrPng, flatText, inspectPdf, readQrPng } from '../support/pdf-inspect';
import { decodeQrSvg, parseSvg } from '../support/svg-qr';
import { createTestApp, type TestApp } from '../support/test-app';

// Not the sandbox's default, so that a link built from anything but the configuration would show.
const APP_ID = '4318592045718203456';
const BASE = `https://zalo.me/s/${APP_ID}/`;

// From the real catalogue (data/): a commune with an address and many diacritics, a commune-level procedure, a
// province-level one, and an office merged away for this test.
const TANG_LOONG = { code: '02908', name: 'UBND xã Tằng Loỏng', address: 'Trụ sở UBND xã Tằng Loỏng, xã Tằng Loỏng, tỉnh Lào Cai' };
const BIRTH = { code: '1.001193', name: 'Đăng ký khai sinh' };
const PROVINCE_LEVEL_PROCEDURE = '3.000333';
const MERGED_AWAY = '04465';

let t: TestApp;
let activeOffices: Array<{ code: string; name: string; type: string }>;

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  t = await createTestApp({ env: { ZALO_APP_ID: APP_ID } });
  const catalog = readCatalog(t.config.catalogDir);
  // Seeded without one office: it stays in the database, inactive, as a merged-away unit does.
  await loadCatalog(t.db, catalog);
  await loadCatalog(t.db, { ...catalog, offices: catalog.offices.filter((office) => office.code !== MERGED_AWAY) });
  activeOffices = catalog.offices.filter((office) => office.code !== MERGED_AWAY);
});

afterAll(() => t?.close());

describe('GET /api/v1/offices/:code/qr.png', () => {
  test('encodes the office link with the configured app id', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe(`inline; filename="lao-cai-so-qr-${TANG_LOONG.code}.png"`);
    expect(decodeQrPng(res.rawPayload)).toBe(`${BASE}?office=${TANG_LOONG.code}`);
    expect(res.rawPayload.readUInt32BE(16)).toBe(512); // IHDR width: the default size
  });

  test('with proc, encodes the link that opens that procedure with the office chosen, at the size asked', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/qr.png?proc=${BIRTH.code}&size=300`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="lao-cai-so-qr-${TANG_LOONG.code}-${BIRTH.code}.png"`);
    expect(decodeQrPng(res.rawPayload)).toBe(`${BASE}?office=${TANG_LOONG.code}&proc=${BIRTH.code}`);
    expect([res.rawPayload.readUInt32BE(16), res.rawPayload.readUInt32BE(20)]).toEqual([300, 300]);
  });

  test.each(['127', '2049', 'big'])('size=%s is refused with 400 VALIDATION_FAILED', async (size) => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/qr.png?size=${size}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });
});

describe('GET /api/v1/offices/:code/qr.svg', () => {
  test('is well-formed SVG whose code reads as the link', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/qr.svg?proc=${BIRTH.code}&size=256`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-disposition']).toBe(`inline; filename="lao-cai-so-qr-${TANG_LOONG.code}-${BIRTH.code}.svg"`);
    const { root } = parseSvg(res.body);
    expect(root).toMatchObject({ name: 'svg', attributes: { xmlns: 'http://www.w3.org/2000/svg', width: '256', height: '256' } });
    expect(decodeQrSvg(res.body)).toBe(`${BASE}?office=${TANG_LOONG.code}&proc=${BIRTH.code}`);
  });
});

describe('unknown offices and procedures', () => {
  const cases = [
    ['an unknown office', '00000', '', 'OFFICE_NOT_FOUND'],
    ['an office merged away (inactive)', MERGED_AWAY, '', 'OFFICE_NOT_FOUND'],
    ['an unknown procedure', TANG_LOONG.code, '?proc=9.999999', 'PROCEDURE_NOT_FOUND'],
    ['a procedure the office does not handle', TANG_LOONG.code, `?proc=${PROVINCE_LEVEL_PROCEDURE}`, 'OFFICE_DOES_NOT_HANDLE_PROCEDURE'],
  ] as const;

  test.each(['qr.png', 'qr.svg', 'poster.pdf'].flatMap((file) => cases.map((entry) => [file, ...entry] as const)))(
    '%s for %s is 404 with a stable code',
    async (file, _case, office, query, code) => {
      const res = await get(`/api/v1/offices/${office}/${file}${query}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ statusCode: 404, code, message: expect.stringMatching(/\p{L}/u) });
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toBeUndefined();
    },
  );

  test('a malformed office code is 400', async () => {
    const res = await get('/api/v1/offices/%3Cscript%3E/qr.png');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('caching', () => {
  test('public, with an ETag; If-None-Match with it is 304 without a body, any other tag gets the image', async () => {
    const url = `/api/v1/offices/${TANG_LOONG.code}/qr.png`;
    const first = await get(url);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{16,}"$/);

    const revalidated = await get(url, { 'if-none-match': etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.rawPayload.length).toBe(0);
    expect(revalidated.headers.etag).toBe(etag);
    expect((await get(url, { 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);

    const stale = await get(url, { 'if-none-match': '"something-else"' });
    expect(stale.statusCode).toBe(200);
    expect(stale.rawPayload.equals(first.rawPayload)).toBe(true);
  });

  test('the tag names the content: another size, procedure or format has another tag', async () => {
    const base = `/api/v1/offices/${TANG_LOONG.code}`;
    const tags = await Promise.all(
      [`${base}/qr.png`, `${base}/qr.png?size=600`, `${base}/qr.png?proc=${BIRTH.code}`, `${base}/qr.svg`, `${base}/poster.pdf`].map(
        async (url) => (await get(url)).headers.etag,
      ),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });
});

describe('GET /api/v1/offices/:code/poster.pdf', () => {
  test('one A4 page: title, brand, office name and address with their diacritics, steps, link, and a 15 cm QR code', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/poster.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="lao-cai-so-poster-${TANG_LOONG.code}.pdf"`);
    expect(res.headers.etag).toMatch(/^"[\w-]{16,}"$/);

    const dpi = 100;
    const pdf = await inspectPdf(res.rawPayload, { renderPages: [0], dpi });
    expect(pdf.pageCount).toBe(1);
    const [page] = pdf.pages;
    const text = flatText(page);
    const link = `${BASE}?office=${TANG_LOONG.code}`;
    for (const expected of ['Nộp hồ sơ trực tuyến qua Zalo', 'Lào Cai số', TANG_LOONG.name, TANG_LOONG.address, 'Mở Zalo', 'Quét mã', 'Nộp hồ sơ', link]) {
      expect(text).toContain(expected);
    }
    // Each letter is drawn with a real glyph of the embedded font, none with the empty .notdef box.
    expect(page.glyphs.filter((glyph) => glyph.gid === 0)).toEqual([]);
    expect(new Set(page.glyphs.map((glyph) => glyph.font.replace(/^[A-Z]{6}\+/, '')))).toEqual(
      new Set(['BeVietnamPro-Bold', 'BeVietnamPro-SemiBold', 'BeVietnamPro-Regular']),
    );

    expect(decodeQrPng(page.png!)).toBe(link);
  });

  test('the printed code is at least 15 cm wide, so that it scans from 1.5 m', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/poster.pdf?proc=${BIRTH.code}`);
    const dpi = 100;
    const { pages } = await inspectPdf(res.rawPayload, { renderPages: [0], dpi });
    const found = readQrPng(pages[0].png!)!;
    expect(found.data).toBe(`${BASE}?office=${TANG_LOONG.code}&proc=${BIRTH.code}`);
    expect((found.sidePx / dpi) * 2.54).toBeGreaterThanOrEqual(14.8);
  });

  test('with proc: the procedure name is on the poster and the code opens its form with the office chosen', async () => {
    const res = await get(`/api/v1/offices/${TANG_LOONG.code}/poster.pdf?proc=${BIRTH.code}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="lao-cai-so-poster-${TANG_LOONG.code}-${BIRTH.code}.pdf"`);
    const { pages } = await inspectPdf(res.rawPayload, { renderPages: [0] });
    const link = `${BASE}?office=${TANG_LOONG.code}&proc=${BIRTH.code}`;
    expect(flatText(pages[0])).toContain(`Thủ tục: ${BIRTH.name}`);
    expect(flatText(pages[0])).toContain(link);
    expect(decodeQrPng(pages[0].png!)).toBe(link);
  });

  test('304 for a current tag', async () => {
    const url = `/api/v1/offices/${TANG_LOONG.code}/poster.pdf`;
    const { headers } = await get(url);
    const res = await get(url, { 'if-none-match': headers.etag as string });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload.length).toBe(0);
  });
});

describe('GET /api/v1/offices/posters.pdf', () => {
  test('one page per active office of the province, the provincial centre first, every name printed with real glyphs', async () => {
    const res = await get('/api/v1/offices/posters.pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="lao-cai-so-posters.pdf"');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);

    const last = activeOffices.length - 1;
    const pdf = await inspectPdf(res.rawPayload, { renderPages: [last] });
    expect(pdf.pageCount).toBe(activeOffices.length);
    expect(activeOffices.length).toBeGreaterThanOrEqual(99);

    const texts = pdf.pages.map(flatText);
    expect(texts[0]).toContain('Trung tâm Phục vụ hành chính công tỉnh Lào Cai');
    const printed = activeOffices.map((office) => texts.findIndex((text) => text.includes(`Mã đơn vị ${office.code} `)));
    expect(printed.filter((index) => index < 0)).toEqual([]);
    expect(new Set(printed).size).toBe(activeOffices.length);
    for (const office of activeOffices) expect(texts[printed[activeOffices.indexOf(office)]]).toContain(office.name);
    expect(texts.some((text) => text.includes(`Mã đơn vị ${MERGED_AWAY} `))).toBe(false);
    expect(pdf.pages.flatMap((page) => page.glyphs).filter((glyph) => glyph.gid === 0)).toEqual([]);

    const lastOffice = activeOffices.find((office) => texts[last].includes(`Mã đơn vị ${office.code} `))!;
    expect(decodeQrPng(pdf.pages[last].png!)).toBe(`${BASE}?office=${lastOffice.code}`);
  });

  test('revalidates with its ETag, serves the same bytes again, and changes when the catalogue does', async () => {
    const first = await get('/api/v1/offices/posters.pdf');
    const etag = first.headers.etag as string;
    expect((await get('/api/v1/offices/posters.pdf', { 'if-none-match': etag })).statusCode).toBe(304);
    const again = await get('/api/v1/offices/posters.pdf');
    expect(again.headers.etag).toBe(etag);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);

    const catalog = readCatalog(t.config.catalogDir);
    await loadCatalog(t.db, {
      ...catalog,
      offices: catalog.offices.filter((office) => office.code !== MERGED_AWAY && office.code !== TANG_LOONG.code),
    });
    const changed = await get('/api/v1/offices/posters.pdf', { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((await inspectPdf(changed.rawPayload)).pageCount).toBe(activeOffices.length - 1);
  });
});

test('the OpenAPI document shows the four routes as public, with their content types', async () => {
  const { paths } = (await get('/docs/json')).json() as {
    paths: Record<string, { get: { security: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> } }>;
  };
  const expected = {
    '/api/v1/offices/{code}/qr.png': 'image/png',
    '/api/v1/offices/{code}/qr.svg': 'image/svg+xml',
    '/api/v1/offices/{code}/poster.pdf': 'application/pdf',
    '/api/v1/offices/posters.pdf': 'application/pdf',
  };
  for (const [path, contentType] of Object.entries(expected)) {
    expect(paths[path].get.security).toEqual([]);
    expect(Object.keys(paths[path].get.responses['200'].content ?? {})).toEqual([contentType]);
    expect(paths[path].get.responses).toHaveProperty('304');
  }
});
