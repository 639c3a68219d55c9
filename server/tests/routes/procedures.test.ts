import type { CatalogProcedure } from '@lao-cai-so/domain/catalog-schema';
import { buildOffice, buildProcedure, insertOffices, insertProcedures } from '../factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;

const birth = buildProcedure({
  code: '1.001193',
  localCode: '1.001193.000.00.00.H38',
  name: 'Đăng ký khai sinh',
  onlineLevel: 'full',
  popularRank: 2,
  description: 'Cha, mẹ đăng ký khai sinh cho con mới sinh.',
  processingTime: { text: 'Ngay trong ngày làm việc', workingDays: 0 },
  fees: [{ description: 'Miễn lệ phí khi đăng ký đúng hạn', amount: 0 }],
  documents: [
    { code: 'to-khai', name: 'Tờ khai đăng ký khai sinh', copies: 1, form: 'original', required: true, note: null },
  ],
  requirements: ['Đăng ký trong 60 ngày kể từ ngày sinh'],
  result: 'Giấy khai sinh (bản chính)',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
  fields: [
    { code: 'child_full_name', type: 'text', label: 'Họ, chữ đệm và tên của trẻ', required: true, order: 1, maxLength: 100 },
    {
      code: 'child_sex',
      type: 'single-choice',
      label: 'Giới tính',
      required: true,
      order: 2,
      options: [
        { value: 'nam', label: 'Nam' },
        { value: 'nu', label: 'Nữ' },
      ],
    },
  ],
  unconfirmed: ['fees'],
  source: 'Cơ sở dữ liệu quốc gia về thủ tục hành chính',
});
const birthCombined = buildProcedure({ name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con', popularRank: 4 });
const birthForeign = buildProcedure({ name: 'Đăng ký khai sinh có yếu tố nước ngoài', popularRank: 6 });
const birthAgain = buildProcedure({ name: 'Đăng ký lại khai sinh', popularRank: null });
// Both words in the name, but not together.
const newbornDeath = buildProcedure({ name: 'Khai tử cho trẻ sơ sinh', popularRank: 3 });
// Only the description matches, though it is the most used procedure of all.
const extractCopy = buildProcedure({
  name: 'Cấp bản sao trích lục hộ tịch',
  popularRank: 1,
  description: 'Cấp bản sao giấy khai sinh, trích lục kết hôn đã đăng ký.',
});
const marriage = buildProcedure({ name: 'Đăng ký kết hôn', popularRank: 5 });
const criminalRecord = buildProcedure({
  name: 'Cấp Phiếu lý lịch tư pháp',
  level: 'province',
  onlineLevel: 'full',
  popularRank: 7,
  field: 'Lý lịch tư pháp',
});
const certifySignature = buildProcedure({ name: 'Chứng thực chữ ký', field: 'Chứng thực' });
const certifyCopy = buildProcedure({ name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' });
const maritalStatus = buildProcedure({ name: 'Xác nhận tình trạng hôn nhân', offices: ['04288'] });

const commune = buildOffice({ code: '04465', unitName: 'Xã Khao Mang', name: 'UBND xã Khao Mang' });
const ward = buildOffice({ code: '04288', unitName: 'Phường Nghĩa Lộ', name: 'UBND phường Nghĩa Lộ', type: 'phuong' });
const province = buildOffice({
  code: 'H38',
  unitName: 'Tỉnh Lào Cai',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
  type: 'province',
});

const codes = (items: Array<{ code: string }>) => items.map((item) => item.code);
const list = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures${query}` });
  return { res, body: res.json() };
};

beforeAll(async () => {
  t = await createTestApp();
  await insertOffices(t.db, commune, ward, province);
  // Inserted in an order unrelated to any expected ranking.
  await insertProcedures(
    t.db,
    maritalStatus,
    certifySignature,
    certifyCopy,
    marriage,
    birthAgain,
    extractCopy,
    newbornDeath,
    birthForeign,
    criminalRecord,
    birthCombined,
    birth,
  );
});

afterAll(() => t?.close());

describe('GET /api/v1/procedures search ranking', () => {
  test.each(['khai sinh', 'KHAI SINH', 'Khai Sinh', 'khái sinh'])(
    '"%s": whole-phrase name matches first, then all words in the name, then the description',
    async (q) => {
      const { res, body } = await list(`?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(body.items[0].name).toBe('Đăng ký khai sinh');
      expect(codes(body.items)).toEqual(
        codes([birth, birthCombined, birthForeign, birthAgain, newbornDeath, extractCopy]),
      );
      expect(body.total).toBe(6);
    },
  );

  test.each(['dang ky khai sinh', 'Đăng ký khai sinh', 'ĐĂNG KÝ KHAI SINH', '  đăng   ký, khai-sinh! '])(
    '"%s": the exact name first, then names containing the phrase, then names with every word',
    async (q) => {
      const { body } = await list(`?q=${encodeURIComponent(q)}`);
      expect(body.items[0]).toEqual({
        code: '1.001193',
        name: 'Đăng ký khai sinh',
        field: 'Hộ tịch',
        level: 'commune',
        agency: 'Ủy ban nhân dân xã, phường',
        onlineLevel: 'full',
        processingTime: { text: 'Ngay trong ngày làm việc', workingDays: 0 },
        unconfirmed: ['fees'],
      });
      expect(codes(body.items)).toEqual(codes([birth, birthCombined, birthForeign, birthAgain, extractCopy]));
    },
  );

  test('ties within a tier are broken by name when the popularity is unknown', async () => {
    const { body } = await list(`?q=${encodeURIComponent('chung thuc')}`);
    expect(codes(body.items)).toEqual(codes([certifyCopy, certifySignature]));
  });

  test('a query matching nothing returns an empty page', async () => {
    const { res, body } = await list('?q=xyzzy');
    expect(res.statusCode).toBe(200);
    expect(body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  test('the procedure code finds the procedure', async () => {
    const { body } = await list('?q=1.001193');
    expect(codes(body.items)).toEqual(['1.001193']);
  });

  test('without a query: most used first, unknown popularity last by name (the home screen list)', async () => {
    const { res, body } = await list('');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(codes(body.items)).toEqual(
      codes([
        extractCopy,
        birth,
        newbornDeath,
        birthCombined,
        marriage,
        birthForeign,
        criminalRecord,
        certifyCopy,
        certifySignature,
        birthAgain,
        maritalStatus,
      ]),
    );
    expect(body).toMatchObject({ total: 11, page: 1, pageSize: 20 });
  });
});

describe('GET /api/v1/procedures filters and paging', () => {
  const communeLevel = () =>
    [birth, birthCombined, birthForeign, birthAgain, newbornDeath, extractCopy, marriage, certifySignature, certifyCopy];

  test('office: a commune desk lists the commune-level procedures, except those narrowed to other offices', async () => {
    const { body } = await list('?office=04465&pageSize=100');
    expect(codes(body.items).sort()).toEqual(codes(communeLevel()).sort());
    expect(body.total).toBe(9);
  });

  test('office: a procedure narrowed to one ward is listed for that ward', async () => {
    const { body } = await list('?office=04288&pageSize=100');
    expect(codes(body.items).sort()).toEqual(codes([...communeLevel(), maritalStatus]).sort());
  });

  test('office: the provincial centre lists the province-level procedures', async () => {
    const { body } = await list('?office=H38');
    expect(codes(body.items)).toEqual([criminalRecord.code]);
  });

  test('office combines with the search', async () => {
    expect((await list(`?office=H38&q=${encodeURIComponent('khai sinh')}`)).body.total).toBe(0);
    expect(codes((await list(`?office=04288&q=${encodeURIComponent('hôn nhân')}`)).body.items)).toEqual([
      maritalStatus.code,
    ]);
  });

  test('an unknown office is a 404 OFFICE_NOT_FOUND', async () => {
    const { res, body } = await list('?office=99999');
    expect(res.statusCode).toBe(404);
    expect(body).toEqual({
      statusCode: 404,
      code: 'OFFICE_NOT_FOUND',
      message: 'Không tìm thấy cơ quan này. Hãy chọn lại xã, phường trong danh sách.',
    });
  });

  test('level=province and level=commune', async () => {
    expect(codes((await list('?level=province')).body.items)).toEqual([criminalRecord.code]);
    expect((await list('?level=commune')).body.total).toBe(10);
  });

  test('online=true keeps the fully online procedures, online=false the others', async () => {
    const online = await list('?online=true');
    expect(codes(online.body.items)).toEqual(codes([birth, criminalRecord]));
    const offline = await list('?online=false&pageSize=100');
    expect(offline.body.total).toBe(9);
    expect(codes(offline.body.items)).not.toContain(birth.code);
  });

  test('filters combine', async () => {
    const { body } = await list(`?level=commune&online=true&q=${encodeURIComponent('khai sinh')}`);
    expect(codes(body.items)).toEqual([birth.code]);
  });

  test('paging slices the same order and keeps the total', async () => {
    const all = (await list('?pageSize=100')).body;
    const second = (await list('?page=2&pageSize=3')).body;
    expect(second).toMatchObject({ total: 11, page: 2, pageSize: 3 });
    expect(codes(second.items)).toEqual(codes(all.items.slice(3, 6)));
    const last = (await list('?page=4&pageSize=3')).body;
    expect(codes(last.items)).toEqual(codes(all.items.slice(9)));
    const beyond = (await list('?page=5&pageSize=3')).body;
    expect(beyond).toEqual({ items: [], total: 11, page: 5, pageSize: 3 });
  });

  test('a q of exactly 200 characters is accepted', async () => {
    const { res } = await list(`?q=${'a'.repeat(200)}`);
    expect(res.statusCode).toBe(200);
  });
});

describe('GET /api/v1/procedures rejects bad input with 400 VALIDATION_FAILED', () => {
  test.each([
    ['page=-1', 'page', 'Tham số "page" phải lớn hơn hoặc bằng 1.'],
    ['page=0', 'page', 'Tham số "page" phải lớn hơn hoặc bằng 1.'],
    ['page=abc', 'page', 'Tham số "page" phải là một số nguyên.'],
    ['page=1.5', 'page', 'Tham số "page" phải là một số nguyên.'],
    ['pageSize=10000', 'pageSize', 'Tham số "pageSize" phải nhỏ hơn hoặc bằng 100.'],
    ['pageSize=0', 'pageSize', 'Tham số "pageSize" phải lớn hơn hoặc bằng 1.'],
    [`q=${'a'.repeat(201)}`, 'q', 'Tham số "q" không được dài quá 200 ký tự.'],
    ['level=xyz', 'level', 'Tham số "level" chỉ nhận một trong các giá trị: commune, province.'],
    ['online=yes', 'online', 'Tham số "online" chỉ nhận giá trị true hoặc false.'],
    ['office=%21%21', 'office', 'Tham số "office" không đúng định dạng.'],
  ])('%s', async (query, _parameter, message) => {
    const { res, body } = await list(`?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message });
  });
});

describe('GET /api/v1/procedures/:code', () => {
  test('returns the full procedure without its ranking and office list', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/1.001193' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const { popularRank: _rank, offices: _offices, ...published } = birth as CatalogProcedure;
    expect(res.json()).toEqual({ ...published, active: true });
  });

  test('keeps optional field properties such as options, maxLength and dates', async () => {
    const withDates = buildProcedure({
      fields: [
        { code: 'birth_date', type: 'date', label: 'Ngày sinh', required: true, order: 1, maxDate: 'today', help: 'Theo giấy chứng sinh' },
        { code: 'start_date', type: 'date', label: 'Từ ngày', required: false, order: 2, minDate: '2025-07-01' },
        { code: 'children', type: 'number', label: 'Số con', required: false, order: 3, min: 0, max: 20 },
      ],
    });
    await insertProcedures(t.db, withDates);
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${withDates.code}` });
    expect(res.json().fields).toEqual(withDates.fields);
  });

  test('an unknown code is a 404 PROCEDURE_NOT_FOUND', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/procedures/9.999999' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      code: 'PROCEDURE_NOT_FOUND',
      message: 'Không tìm thấy thủ tục này. Hãy tìm lại theo tên thủ tục.',
    });
  });

  test('a malformed code is a 400 naming the parameter', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/procedures/${encodeURIComponent('1.0 or 1=1')}` });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Tham số "code" không đúng định dạng.',
    });
  });
});
