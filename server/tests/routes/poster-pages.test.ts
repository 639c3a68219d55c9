// The posters pages, read as commune staff would in a browser (parsed as a browser parses HTML): find the office,
// follow its links, get the PDFs and QR codes. No session anywhere; the real catalogue of data/.
import { loadCatalog, readCatalog } from '../../src/db/seed';
import { buildOffice, insertOffices } from '../factories';
import { type PageElement, parsePage } from '../support/html-page';
import { flatText, inspectPdf } from '../support/pdf-inspect';
import { createTestApp, type TestApp } from '../support/test-app';

const TANG_LOONG = { code: '02908', name: 'UBND xã Tằng Loỏng', address: 'Trụ sở UBND xã Tằng Loỏng, xã Tằng Loỏng, tỉnh Lào Cai' };
const PROVINCE = { code: 'H38', name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai' };
const BIRTH = { code: '1.001193', name: 'Đăng ký khai sinh' };
const MERGED_AWAY = '04465';
// Data is text, never markup: an office whose name and address are made of it.
const MARKUP = buildOffice({
  code: '99901',
  name: 'UBND xã <script>alert("tên")</script> & <b>Đậm</b>',
  address: '<img src=x onerror="alert(1)"> thôn "Nà Lốc" & bản \'Mới\'',
});

let t: TestApp;
let activeOffices: Array<{ code: string; name: string }>;

const get = (url: string) => t.app.inject({ method: 'GET', url });

async function open(url: string, status = 200) {
  const res = await get(url);
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  const document = parsePage(res.body);
  // Vietnamese, and nothing that runs: no script in the page, none allowed by its policy.
  expect(document.attr('lang')).toBe('vi');
  expect(document.all((element) => element.tag === 'script' || Object.keys(element.attributes).some((name) => name.startsWith('on')))).toEqual([]);
  expect(res.headers['content-security-policy']).toMatch(/^default-src 'none'; style-src 'sha256-[\w+/=]+'; img-src 'self'/);
  return { res, document };
}

const h1 = (document: PageElement) => document.find((element) => element.is('h1'))?.text;
const title = (document: PageElement) => document.find((element) => element.is('title'))?.text;
const mainText = (document: PageElement) => document.find((element) => element.is('main'))?.text.replace(/\s+/g, ' ') ?? '';
const first = (document: PageElement, tag: string, className?: string) => document.find((element) => element.is(tag, className));
const linkNamed = (document: PageElement, name: string) => {
  const links = document.all((element) => element.is('a') && element.text.trim() === name);
  expect(links).toHaveLength(1);
  return links[0].attr('href') as string;
};
/** The office (or procedure) links of a page's list, with their main text. */
const listed = (document: PageElement) =>
  (first(document, 'ul', 'list')?.all((element) => element.is('a')) ?? []).map((a) => ({
    href: a.attr('href') as string,
    name: a.find((element) => element.is('span', 'name'))?.text,
    detail: a.find((element) => element.is('span', 'detail'))?.text ?? null,
  }));

beforeAll(async () => {
  t = await createTestApp();
  const catalog = readCatalog(t.config.catalogDir);
  // Seeded without one office: it stays in the database, inactive, as a merged-away unit does.
  await loadCatalog(t.db, catalog);
  await loadCatalog(t.db, { ...catalog, offices: catalog.offices.filter((office) => office.code !== MERGED_AWAY) });
  await insertOffices(t.db, MARKUP);
  activeOffices = [...catalog.offices.filter((office) => office.code !== MERGED_AWAY), MARKUP];
});

afterAll(() => t?.close());

describe('GET /posters', () => {
  test('lists every active office by its name with diacritics, each linking to its page, in the order of posters.pdf', async () => {
    const { res, document } = await open('/posters');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(h1(document)).toBe('Áp phích mã QR cho Bộ phận một cửa');
    expect(title(document)).toBe('Áp phích mã QR cho Bộ phận một cửa — Lào Cai số');
    expect(res.body).toContain('UBND xã Tằng Loỏng');

    const offices = listed(document);
    expect(offices.map((office) => office.href).sort()).toEqual(activeOffices.map((office) => `/posters/${office.code}`).sort());
    for (const office of activeOffices) expect(offices.find((o) => o.href === `/posters/${office.code}`)?.name).toBe(office.name);
    expect(offices.find((o) => o.href === `/posters/${TANG_LOONG.code}`)?.detail).toBe(TANG_LOONG.address);
    expect(offices.some((office) => office.href === `/posters/${MERGED_AWAY}`)).toBe(false);
    expect(offices[0]).toMatchObject({ href: `/posters/${PROVINCE.code}`, name: PROVINCE.name });

    // The all-offices link gives the one PDF, its pages in the list's order (the poster prints "Mã đơn vị <code>").
    expect(linkNamed(document, 'Tải áp phích của tất cả cơ quan (một tệp PDF)')).toBe('/api/v1/offices/posters.pdf');
    const pdf = await get('/api/v1/offices/posters.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = (await inspectPdf(pdf.rawPayload)).pages.map(flatText);
    const pageOrder = offices.map(({ href }) => pages.findIndex((text) => text.includes(`Mã đơn vị ${href.slice('/posters/'.length)} `)));
    expect(pageOrder).toEqual(offices.map((_office, index) => index));
  });

  test('says how to print: A4, colour or black and white, at full size so that the code is 15 cm', async () => {
    const { document } = await open('/posters');
    const text = mainText(document);
    expect(text).toContain('khổ A4, in màu hay đen trắng đều được');
    expect(text).toContain('mã QR rộng đúng 15 cm: điện thoại quét được từ khoảng 1,5 m');
  });

  test.each([
    ['without diacritics', 'tang loong', [TANG_LOONG.code]],
    ['with diacritics and capitals', 'TẰNG LOỎNG', [TANG_LOONG.code]],
    ['by a former commune merged into the unit', 'kim noi', ['04456']],
  ])('the name filter works %s, without any script', async (_case, q, codes) => {
    const { document } = await open(`/posters?q=${encodeURIComponent(q)}`);
    expect(listed(document).map((office) => office.href)).toEqual(codes.map((code) => `/posters/${code}`));
    const form = first(document, 'form')!;
    expect(form.attributes).toMatchObject({ method: 'get', action: '/posters' });
    expect(form.find((element) => element.is('input'))?.attributes).toMatchObject({ name: 'q', value: q });
    expect(form.find((element) => element.is('label'))?.attributes).toEqual({ for: 'q' });
    expect(form.find((element) => element.is('label'))?.text).toMatch(/^Tìm theo tên xã, phường/);
    expect(form.find((element) => element.is('button'))?.text).toBe('Tìm');
    expect(linkNamed(document, 'Xem tất cả cơ quan')).toBe('/posters');
  });

  test('a filter that matches nothing says so; one made of markup is shown as text', async () => {
    const none = await open('/posters?q=kh%C3%B4ng%20c%C3%B3%20x%C3%A3%20n%C3%A0o');
    expect(listed(none.document)).toEqual([]);
    expect(mainText(none.document)).toContain('Không có cơ quan nào khớp với “không có xã nào”');

    const markup = '"><script>alert(1)</script>';
    const { res, document } = await open(`/posters?q=${encodeURIComponent(markup)}`);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(first(document, 'input')?.attr('value')).toBe(markup);
  });
});

describe('GET /posters/:code', () => {
  test('shows the office with its poster and QR links, and a poster per procedure it handles, most used first', async () => {
    const { res, document } = await open(`/posters/${TANG_LOONG.code}`);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(h1(document)).toBe(TANG_LOONG.name);
    expect(mainText(document)).toContain(TANG_LOONG.address);
    expect(linkNamed(document, 'Tải áp phích (PDF, A4)')).toBe(`/api/v1/offices/${TANG_LOONG.code}/poster.pdf`);
    expect(linkNamed(document, 'Tải mã QR (PNG)')).toBe(`/api/v1/offices/${TANG_LOONG.code}/qr.png`);
    expect(linkNamed(document, 'Tải mã QR (SVG)')).toBe(`/api/v1/offices/${TANG_LOONG.code}/qr.svg`);
    expect(linkNamed(document, '← Xem danh sách các cơ quan')).toBe('/posters');

    // The same procedures, in the same order, as the mini app's office page (GET /api/v1/offices/:code).
    const { procedures } = (await get(`/api/v1/offices/${TANG_LOONG.code}`)).json() as { procedures: Array<{ code: string; name: string }> };
    expect(procedures.length).toBeGreaterThan(5);
    expect(listed(document)).toEqual(
      procedures.map((procedure) => ({
        href: `/api/v1/offices/${TANG_LOONG.code}/poster.pdf?proc=${procedure.code}`,
        name: procedure.name,
        detail: `Tải áp phích (PDF, A4) · mã thủ tục ${procedure.code}`,
      })),
    );
    expect(listed(document).some((procedure) => procedure.name === BIRTH.name)).toBe(true);
  });

  test('its links lead to the PDFs and QR codes', async () => {
    const { document } = await open(`/posters/${TANG_LOONG.code}`);
    const birth = listed(document).find((procedure) => procedure.name === BIRTH.name)!;
    for (const href of [linkNamed(document, 'Tải áp phích (PDF, A4)'), birth.href]) {
      const pdf = await get(href);
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    const [page] = (await inspectPdf((await get(birth.href)).rawPayload)).pages.map(flatText);
    expect(page).toContain(BIRTH.name);
    expect(page).toContain(TANG_LOONG.name);

    expect((await get(linkNamed(document, 'Tải mã QR (PNG)'))).headers['content-type']).toBe('image/png');
    expect((await get(linkNamed(document, 'Tải mã QR (SVG)'))).headers['content-type']).toBe('image/svg+xml');
    const preview = first(document, 'img', 'qr')!;
    expect(preview.attr('alt')).toBe(`Mã QR in trên áp phích của ${TANG_LOONG.name}`);
    const image = await get(preview.attr('src')!);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/svg+xml');
  });

  test.each([
    ['an unknown office', '00000'],
    ['an office merged away (inactive)', MERGED_AWAY],
    ['markup', encodeURIComponent('<script>alert(1)</script>')],
    ['200 characters', 'x'.repeat(200)],
    ['more path segments', `${TANG_LOONG.code}/extra`],
  ])('%s is a 404 page in Vietnamese that leads back to the list and repeats nothing of the address', async (_case, code) => {
    const { res, document } = await open(`/posters/${code}`, 404);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(h1(document)).toBe('Không tìm thấy cơ quan này');
    expect(linkNamed(document, 'Xem danh sách các cơ quan')).toBe('/posters');
    expect(res.body).not.toContain(decodeURIComponent(code));
    expect(res.body).not.toMatch(/alert|statusCode/);
  });
});

describe('text from the catalogue is escaped', () => {
  test('in the list', async () => {
    const { res, document } = await open('/posters');
    expect(res.body).not.toMatch(/<script>alert|<b>Đậm|<img src=x/);
    expect(listed(document).find((office) => office.href === `/posters/${MARKUP.code}`)).toEqual({
      href: `/posters/${MARKUP.code}`,
      name: MARKUP.name,
      detail: MARKUP.address,
    });
    expect(document.all((element) => element.is('img') || element.is('b'))).toEqual([]);
  });

  test('on the office page', async () => {
    const { res, document } = await open(`/posters/${MARKUP.code}`);
    expect(res.body).not.toMatch(/<script>alert|<b>Đậm|<img src=x/);
    expect(h1(document)).toBe(MARKUP.name);
    expect(title(document)).toBe(`Áp phích — ${MARKUP.name} — Lào Cai số`);
    expect(mainText(document)).toContain(MARKUP.address);
    expect(first(document, 'img', 'qr')?.attr('alt')).toBe(`Mã QR in trên áp phích của ${MARKUP.name}`);
    expect(document.all((element) => element.is('b') || (element.is('img') && !element.is('img', 'qr')))).toEqual([]);
    // A commune handles every commune-level procedure: the list is there, and the office's code in its links is plain.
    expect(listed(document).length).toBeGreaterThan(5);
    expect(listed(document).every((procedure) => procedure.href.startsWith(`/api/v1/offices/${MARKUP.code}/poster.pdf?proc=`))).toBe(true);
  });
});

test('the pages are not part of the API document', async () => {
  const { paths } = (await get('/docs/json')).json() as { paths: Record<string, unknown> };
  expect(Object.keys(paths).filter((path) => path.startsWith('/posters'))).toEqual([]);
  expect(paths).toHaveProperty(['/api/v1/offices/{code}/poster.pdf']);
});
