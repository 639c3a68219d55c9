import offices from '../../../data/offices.json';
import { type OfficerSandbox, startOfficerSandbox } from './officer-support';
import { birthRegistration, json, photo } from './one-stop-api';

/** The names of the buttons on a page, as a screen reader announces them. */
const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]+)<\/button>/g)].map((match) => match[1]);
/** Names of the action buttons only (the list page's tool buttons excluded). */
const actionButtons = (html: string) => buttons(html.slice(html.indexOf('<h2>Xử lý hồ sơ</h2>'), html.indexOf('<h2>Quá trình xử lý</h2>')));

function expectLabelledControls(html: string): void {
  const ids = [...html.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"/g)].map((match) => match[1]);
  const labels = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((match) => match[1]));
  const controls = [...html.matchAll(/<(input|select|textarea)\b/g)].length;
  expect(ids).toHaveLength(controls); // every control has an id…
  for (const id of ids) expect(labels).toContain(id); // …and a label for it
  expect(new Set(ids).size).toBe(ids.length);
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);

describe('officer console (HTML)', () => {
  let sandbox: OfficerSandbox;
  beforeEach(async () => {
    sandbox = await startOfficerSandbox({ autoAccept: false });
    sandbox.setTime('2026-03-02T09:00:00+07:00');
  });
  afterEach(() => sandbox.close());

  const push = async (key: string, overrides = {}) =>
    (await json(await sandbox.push(birthRegistration(key, { MaTTHC: '1.004873', ...overrides })))).Id as string;

  it('GET /officer: Vietnamese page, every office to pick, the dossiers with status, due date and overdue badge', async () => {
    const waiting = await push('app-0600');
    const accepted = await push('app-0601', { ChuHoSo: 'Tẩn Láo San' });
    await sandbox.act(accepted, 'accept'); // due Thursday 5 March 17:00
    await push('app-0602', { MaDonVi: 'H38', ChuHoSo: 'Hoàng Văn Tỉnh' });

    const page = await sandbox.html('/officer');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page.text).toContain('<h1>Bàn làm việc cán bộ một cửa</h1>');
    const options = [...page.text.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]);
    expect(options).toEqual(['', ...offices.offices.map((office) => office.code)]);
    expect(page.text).toContain('UBND xã Khao Mang (04465)');
    expect(buttons(page.text)).toEqual(['Xem hồ sơ', 'Mở hồ sơ', 'Quét bằng camera']);
    expectLabelledControls(page.text);
    expect(page.text).toContain(`href="/officer/dossiers/${waiting}">Chưa cấp mã</a>`);
    expect(page.text).toContain(`href="/officer/dossiers/${accepted}">04465-260302-0001</a>`);
    expect(page.text).toContain('Mới đăng ký');
    expect(page.text).toContain('Được tiếp nhận');
    expect(page.text).toContain('05/03/2026');
    expect(page.text).toContain('Hoàng Văn Tỉnh');
    expect(page.text).not.toContain('Trễ hạn');

    sandbox.setTime('2026-03-06T08:00:00+07:00');
    const late = await sandbox.html('/officer?MaDonVi=04465');
    expect(late.text).toContain('<span class="badge">Trễ hạn</span>');
    expect(late.text).toContain('<h2>Hồ sơ của UBND xã Khao Mang</h2>');
    expect(late.text).toContain('<option value="04465" selected>');
    expect(late.text).toContain('Tẩn Láo San');
    expect(late.text).not.toContain('Hoàng Văn Tỉnh'); // another office
  });

  it('opens a dossier by receipt code, and says when there is none', async () => {
    const id = await push('app-0610');
    await sandbox.act(id, 'accept');
    const found = await sandbox.html('/officer?MaHoSo=04465-260302-0001');
    expect(found.status).toBe(303);
    const response = await fetch(`${sandbox.baseUrl}/officer?MaHoSo=%2004465-260302-0001%20`, { redirect: 'manual' });
    expect(response.headers.get('location')).toBe(`/officer/dossiers/${id}`);

    const missing = await sandbox.html('/officer?MaHoSo=04465-260302-9999');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('role="alert">Không tìm thấy hồ sơ có mã &quot;04465-260302-9999&quot;.');

    const unknownOffice = await sandbox.html('/officer?MaDonVi=99999');
    expect(unknownOffice.status).toBe(404);
    expect(unknownOffice.text).toContain('Không có đơn vị mã &quot;99999&quot;.');
  });

  it('a dossier page: facts, documents with links, timeline, and the buttons its status allows', async () => {
    const id = (
      await json(
        await sandbox.push(
          birthRegistration('app-0620', {
            MaTTHC: '1.004873',
            TaiLieuNop: [{ MaGiayTo: 'to-khai', TenTepDinhKem: 'Tờ khai <ký>.jpg', TepDinhKem: 'f1' }],
          }),
          [photo('f1', 'x.jpg', 2048, 4)],
        ),
      )
    ).Id as string;

    let page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<h1>Hồ sơ chưa cấp mã</h1>');
    expect(page.text).toContain('Cấp Giấy xác nhận tình trạng hôn nhân');
    expect(page.text).toContain('Giàng Thị Mỷ');
    expect(page.text).toContain('Tờ khai &lt;ký&gt;.jpg'); // escaped
    expect(page.text).not.toContain('<ký>');
    expect(page.text).toContain('Nhận hồ sơ trực tuyến qua kết nối liên thông.');
    expect(actionButtons(page.text)).toEqual(['Tiếp nhận', 'Từ chối tiếp nhận']);
    expectLabelledControls(page.text);

    const link = /href="(\/officer\/dossiers\/[^"]+\/documents\/[^"]+)"/.exec(page.text)![1]!;
    const document = await fetch(`${sandbox.baseUrl}${link}`);
    expect(document.status).toBe(200);
    expect(document.headers.get('content-type')).toBe('image/jpeg');
    expect((await document.arrayBuffer()).byteLength).toBe(2048);

    await sandbox.act(id, 'accept');
    page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(page.text).toContain('<h1>Hồ sơ 04465-260302-0001</h1>');
    expect(page.text).toContain('05/03/2026 17:00 (còn 3 ngày làm việc)');
    expect(actionButtons(page.text)).toEqual([
      'Yêu cầu bổ sung',
      'Yêu cầu nộp phí',
      'Chuyển xử lý',
      'Gia hạn (xin lỗi)',
      'Có kết quả',
      'Dừng xử lý',
    ]);
    expect(page.text).toContain('name="documents"');
    expect(page.text).toContain('name="amount" type="number"');
    expect(page.text).toContain('name="newDueDate" type="date" min="2026-03-06"');
    expectLabelledControls(page.text);

    await sandbox.act(id, 'request-supplement', { documents: ['Giấy xác nhận cư trú'] });
    page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(actionButtons(page.text)).toEqual(['Chuyển xử lý', 'Dừng xử lý']);
    expect(page.text).toContain('<li>Giấy xác nhận cư trú</li>');

    await sandbox.act(id, 'start-processing');
    await sandbox.act(id, 'request-fee', { amount: 8000, description: 'Lệ phí' });
    page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(actionButtons(page.text)).toEqual(['Chuyển xử lý', 'Có kết quả', 'Dừng xử lý']);

    await sandbox.act(id, 'mark-result-ready', { pickupPlace: 'UBND xã Khao Mang', pickupMethod: 'Nhận trực tiếp' });
    page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(actionButtons(page.text)).toEqual(['Trả kết quả']);

    await sandbox.act(id, 'return-result');
    page = await sandbox.html(`/officer/dossiers/${id}`);
    expect(actionButtons(page.text)).toEqual([]);
    expect(page.text).toContain('Hồ sơ đã kết thúc, không còn thao tác nào.');
  });

  it('acts through the forms: post, redirect, a notice on the page, and a webhook', async () => {
    const id = await push('app-0630');
    const accept = await fetch(`${sandbox.baseUrl}/officer/dossiers/${id}/accept`, { method: 'POST', body: form({}), redirect: 'manual' });
    expect(accept.status).toBe(303);
    expect(accept.headers.get('location')).toBe(`/officer/dossiers/${id}?done=accept`);
    const after = await sandbox.html(`/officer/dossiers/${id}?done=accept`);
    expect(after.text).toContain('<p class="notice" role="status">Đã tiếp nhận hồ sơ.</p>');

    const supplement = await fetch(`${sandbox.baseUrl}/officer/dossiers/${id}/request-supplement`, {
      method: 'POST',
      body: form({ documents: 'Bản sao căn cước\r\n\r\nGiấy xác nhận cư trú\r\n', note: '' }),
      redirect: 'manual',
    });
    expect(supplement.status).toBe(303);
    const dossier = await json(await sandbox.get(`/one-stop/api/dossiers/${id}`));
    expect(dossier.DanhSachHoSoBoSung[0].DanhSachGiayToCanBoSung).toEqual([
      { TenGiayTo: 'Bản sao căn cước' },
      { TenGiayTo: 'Giấy xác nhận cư trú' },
    ]);
    expect(dossier.DanhSachHoSoBoSung[0].NoiDungYeuCau).toBeNull();

    const received = await sandbox.receiver.waitFor(2);
    expect(received.map((webhook) => [webhook.body.action, webhook.verdict])).toEqual([
      ['accept', 'valid'],
      ['request-supplement', 'valid'],
    ]);
  });

  it('shows a refused form action on the page with its reason, and changes nothing', async () => {
    const id = await push('app-0640');
    const refused = await fetch(`${sandbox.baseUrl}/officer/dossiers/${id}/return-result`, { method: 'POST', body: form({}) });
    expect(refused.status).toBe(409);
    const text = await refused.text();
    expect(text).toContain('role="alert">Không thể &quot;Trả kết quả&quot; hồ sơ đang ở trạng thái &quot;Mới đăng ký&quot;.');
    expect(actionButtons(text)).toEqual(['Tiếp nhận', 'Từ chối tiếp nhận']);

    const invalid = await fetch(`${sandbox.baseUrl}/officer/dossiers/${id}/refuse`, { method: 'POST', body: form({ reason: '' }) });
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('Thông tin chưa hợp lệ ở trường: reason.');
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(1);

    expect((await sandbox.html('/officer/dossiers/no-such-dossier')).status).toBe(404);
  });
});
