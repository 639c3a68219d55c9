import { GIANG_THI_MY, MINI_APP_ORIGIN, json } from '../support/sandbox-server';
import { APP_ID, type NotifySandbox, miniAppBody, startNotifySandbox, zbsBody } from './notify-support';

const APPLICATION = '5b0c8f7e-1d2e-4f3a-9b8c-7d6e5f4a3b2c';

/** The section of one citizen's phone: from their heading to the next citizen's. */
function sectionOf(html: string, name: string): string {
  const start = html.indexOf(`>${name} <`);
  if (start < 0) throw new Error(`no section for ${name}`);
  const next = html.indexOf('<section', start);
  return html.slice(start, next < 0 ? undefined : next);
}

describe('the demo phones (GET /phone)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox();
  });
  afterEach(() => sandbox.close());

  const page = async () => {
    const response = await fetch(`${sandbox.baseUrl}/phone`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    return response.text();
  };

  it('lists every demo citizen by name with a masked phone, in Vietnamese, and says when no message came', async () => {
    const html = await page();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Tin nhắn Zalo của người dân mẫu</h1>');
    for (const [name, lastDigits] of [
      ['Giàng Thị Mỷ', '101'],
      ['Tẩn Láo San', '102'],
      ['Sùng A Tủa', '106'],
    ]) {
      expect(sectionOf(html, name)).toContain(`•••• ••• ${lastDigits}`);
      expect(sectionOf(html, name)).toContain('Chưa có tin nhắn nào.');
    }
    expect(html).not.toMatch(/84912000\d{3}|0912000\d{3}/);
  });

  it('shows a mini app notification with its title, content and button linking to the local mini app', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    expect((await json(await sandbox.sendMiniApp(GIANG_THI_MY))).error).toBe(0);

    const mine = sectionOf(await page(), 'Giàng Thị Mỷ');
    expect(mine).toContain('Thông báo mini app');
    expect(mine).toContain('<h3>Hồ sơ cần bổ sung giấy tờ</h3>');
    expect(mine).toContain('Đăng ký khai sinh — 04465-260302-0001');
    expect(mine).toContain('Cơ quan yêu cầu bổ sung bản sao giấy khai sinh. Mở hồ sơ để gửi bổ sung.');
    expect(mine).toContain('Nhận lúc 03/03/2026 09:00');
    // The button: the zalo.me link shown as is, the anchor to the mini app running locally, same query.
    expect(mine).toContain(`<a class="button" href="${MINI_APP_ORIGIN}/?application=${APPLICATION}">Xem hồ sơ</a>`);
    expect(mine).toContain(`https://zalo.me/s/${APP_ID}/?application=${APPLICATION}`);
    expect(sectionOf(await page(), 'Tẩn Láo San')).toContain('Chưa có tin nhắn nào.');
  });

  it('shows a ZBS message as label: value lines, a link value as the button Xem hồ sơ, newest first, duplicates marked', async () => {
    const link = `https://zalo.me/s/${APP_ID}/?application=${APPLICATION}`;
    await sandbox.sendZbs(zbsBody({ tracking_id: 'first', template_data: { ma_ho_so: '04465-260302-0001', trang_thai: 'Đã tiếp nhận' } }));
    sandbox.setTime('2026-03-03T10:30:00+07:00');
    await sandbox.sendZbs(zbsBody({ tracking_id: 'second', template_data: { ma_ho_so: '04465-260302-0001', trang_thai: 'Cần bổ sung', xem: link } }));
    sandbox.setTime('2026-03-03T11:00:00+07:00');
    await sandbox.sendZbs(zbsBody({ tracking_id: 'second', template_data: { trang_thai: 'Gửi lại' } }));

    const mine = sectionOf(await page(), 'Giàng Thị Mỷ');
    expect(mine).toContain('Tin nhắn Zalo (ZBS)');
    expect(mine).toContain('trang_thai: Cần bổ sung');
    expect(mine).toContain('ma_ho_so: 04465-260302-0001');
    expect(mine).toContain(`<a class="button" href="${MINI_APP_ORIGIN}/?application=${APPLICATION}">Xem hồ sơ</a>`);
    expect(mine).not.toContain(`xem: ${link}`);
    expect(mine).toContain('Trùng mã theo dõi second');
    expect(mine).toContain('3 tin nhắn');
    const order = ['Gửi lại', 'Cần bổ sung', 'Đã tiếp nhận'].map((text) => mine.indexOf(text));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('keeps other https links as they are and escapes what the sender wrote', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    await sandbox.sendMiniApp(
      GIANG_THI_MY,
      miniAppBody({}, { title: '<b>Kết quả</b>', contentDescription: 'Nhận tại "Bộ phận một cửa" & <script>', buttonUrl: 'https://dichvucong.gov.vn/p/home' }),
    );
    const mine = sectionOf(await page(), 'Giàng Thị Mỷ');
    expect(mine).toContain('<h3>&lt;b&gt;Kết quả&lt;/b&gt;</h3>');
    expect(mine).toContain('Nhận tại &quot;Bộ phận một cửa&quot; &amp; &lt;script&gt;');
    expect(mine).toContain('<a class="button" href="https://dichvucong.gov.vn/p/home">Xem hồ sơ</a>');
    expect(mine).not.toContain('<script>');
  });

  it('shows ZBS messages to a phone that is no demo citizen’s nowhere on the page', async () => {
    await sandbox.sendZbs(zbsBody({ phone: '84987654321', template_data: { trang_thai: 'Người lạ' } }));
    expect(await page()).not.toContain('Người lạ');
  });
});
