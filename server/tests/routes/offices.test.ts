import { buildOffice, buildProcedure, insertOffices, insertProcedures } from '../factories';
import { createTestApp, type TestApp } from '../support/test-app';

let t: TestApp;

const khaoMang = buildOffice({
  code: '04465',
  name: 'UBND xã Khao Mang',
  unitName: 'Xã Khao Mang',
  openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
  formerUnits: ['xã Hồ Bốn', 'xã Khao Mang'],
  unconfirmed: ['openingHours'],
});
const nghiaLo = buildOffice({
  code: '04288',
  name: 'UBND phường Nghĩa Lộ',
  unitName: 'Phường Nghĩa Lộ',
  type: 'phuong',
  phone: '0216 3870 000',
  formerUnits: ['phường Tân An', 'phường Pú Trạng', 'xã Nghĩa An', 'xã Nghĩa Sơn'],
});
// Its name contains "Nghĩa" too, and it absorbed a former "xã Nghĩa Lộ".
const trungTam = buildOffice({
  code: '04663',
  name: 'UBND phường Trung Tâm',
  unitName: 'Phường Trung Tâm',
  type: 'phuong',
  formerUnits: ['phường Trung Tâm', 'xã Phù Nham', 'xã Nghĩa Lợi', 'xã Nghĩa Lộ'],
});
const province = buildOffice({
  code: 'H38',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
  unitName: 'Tỉnh Lào Cai',
  type: 'province',
});

const birth = buildProcedure({ code: '1.001193', name: 'Đăng ký khai sinh', popularRank: 1 });
const marriage = buildProcedure({ name: 'Đăng ký kết hôn', popularRank: 2 });
const signature = buildProcedure({ name: 'Chứng thực chữ ký', popularRank: null });
const wardOnly = buildProcedure({ name: 'Xác nhận tình trạng hôn nhân', offices: ['04288'], popularRank: 3 });
const criminalRecord = buildProcedure({ name: 'Cấp Phiếu lý lịch tư pháp', level: 'province', popularRank: 4 });

const codes = (items: Array<{ code: string }>) => items.map((item) => item.code);
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  return { res, body: res.json() };
};

beforeAll(async () => {
  t = await createTestApp();
  await insertOffices(t.db, province, trungTam, nghiaLo, khaoMang);
  await insertProcedures(t.db, signature, criminalRecord, wardOnly, marriage, birth);
});

afterAll(() => t?.close());

describe('GET /api/v1/offices', () => {
  test('lists the offices by unit name, with the public summary of each', async () => {
    const { res, body } = await get('/api/v1/offices');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(codes(body.items)).toEqual(['04288', '04663', 'H38', '04465']);
    expect(body.items[3]).toEqual({
      code: '04465',
      name: 'UBND xã Khao Mang',
      unitName: 'Xã Khao Mang',
      type: 'xa',
      address: null,
      phone: null,
      openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
      unconfirmed: ['openingHours'],
    });
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
  });

  test.each(['khao mang', 'KHAO MANG', 'Khao Mang', 'xã khao mang'])('finds the unit by its name: "%s"', async (q) => {
    const { body } = await get(`/api/v1/offices?q=${encodeURIComponent(q)}`);
    expect(codes(body.items)).toEqual(['04465']);
  });

  test.each(['ho bon', 'Hồ Bốn', 'xa ho bon'])('finds the new unit by a former commune merged into it: "%s"', async (q) => {
    const { body } = await get(`/api/v1/offices?q=${encodeURIComponent(q)}`);
    expect(codes(body.items)).toEqual(['04465']);
    expect(body.total).toBe(1);
  });

  test('a unit whose own name matches comes before one that only absorbed a unit of that name', async () => {
    const { body } = await get(`/api/v1/offices?q=${encodeURIComponent('nghia lo')}`);
    expect(codes(body.items)).toEqual(['04288', '04663']);
  });

  test('paging', async () => {
    const { body } = await get('/api/v1/offices?page=2&pageSize=3');
    expect(body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(codes(body.items)).toEqual(['04465']);
  });

  test.each([
    ['page=-1', 'Tham số "page" phải lớn hơn hoặc bằng 1.'],
    ['pageSize=10000', 'Tham số "pageSize" phải nhỏ hơn hoặc bằng 100.'],
    [`q=${'x'.repeat(201)}`, 'Tham số "q" không được dài quá 200 ký tự.'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (query, message) => {
    const { res, body } = await get(`/api/v1/offices?${query}`);
    expect(res.statusCode).toBe(400);
    expect(body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message });
  });
});

describe('GET /api/v1/offices/:code', () => {
  test('a commune desk with its former units and the procedures it handles, most used first', async () => {
    const { res, body } = await get('/api/v1/offices/04465');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(body).toMatchObject({
      code: '04465',
      unitName: 'Xã Khao Mang',
      formerUnits: ['xã Hồ Bốn', 'xã Khao Mang'],
      active: true,
    });
    expect(codes(body.procedures)).toEqual([birth.code, marriage.code, signature.code]);
    expect(Object.keys(body.procedures[0]).sort()).toEqual(
      ['agency', 'code', 'field', 'level', 'name', 'onlineLevel', 'processingTime', 'unconfirmed'].sort(),
    );
  });

  test('a ward also handles the procedures narrowed to it', async () => {
    const { body } = await get('/api/v1/offices/04288');
    expect(body.phone).toBe('0216 3870 000');
    expect(codes(body.procedures)).toEqual([birth.code, marriage.code, wardOnly.code, signature.code]);
  });

  test('the provincial centre handles the province-level procedures', async () => {
    const { body } = await get('/api/v1/offices/H38');
    expect(codes(body.procedures)).toEqual([criminalRecord.code]);
  });

  test('an unknown office is a 404 OFFICE_NOT_FOUND', async () => {
    const { res, body } = await get('/api/v1/offices/99999');
    expect(res.statusCode).toBe(404);
    expect(body.code).toBe('OFFICE_NOT_FOUND');
    expect(body.statusCode).toBe(404);
    expect(body.message).toMatch(/Không tìm thấy cơ quan/);
  });

  test('a malformed office code is a 400', async () => {
    const { res, body } = await get(`/api/v1/offices/${encodeURIComponent("04465' --")}`);
    expect(res.statusCode).toBe(400);
    expect(body).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'Tham số "code" không đúng định dạng.' });
  });
});
