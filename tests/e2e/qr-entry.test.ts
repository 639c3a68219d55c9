// Journeys: a citizen scans the QR poster at a commune's one-stop desk with Zalo and lands in the mini app — on the
// form of the poster's procedure with the office chosen, or on a friendly page when the office is unknown — and scans
// a poster from inside the app. The browser URL plays Zalo's deep link (https://zalo.me/s/<APP_ID>/?office=…), as
// getRouteParams gives the mini app the same query inside Zalo.
import type { Page } from 'playwright-core';
import { expectAccessible, openPhonePage } from './support/browser';
import { useBrowser } from './support/journey';
import { urls } from './support/stack';
import { office, stepHeading } from './birth-registration';

const birthRegistration = { code: '1.001193', name: 'Đăng ký khai sinh' };

const browser = useBrowser();
let page: Page;

beforeEach(async () => {
  page = await openPhonePage(browser());
});

afterEach(async () => {
  await page?.context().close();
});

const officeStep = () => page.getByRole('group', { name: 'Nơi nộp hồ sơ' });

/** The form of birth registration at its first step, with the poster's office already chosen. */
async function expectFormWithOfficeChosen() {
  await page.getByRole('heading', { level: 1, name: birthRegistration.name }).waitFor();
  await stepHeading(page, 'Nơi nộp hồ sơ').waitFor();
  await officeStep().getByText(office.unitName, { exact: true }).waitFor();
  await expect(officeStep().innerText()).resolves.toMatch(`Đã chọn: ${office.unitName}`);
  await expect(officeStep().getByRole('searchbox').count()).resolves.toBe(0);
}

test('the poster of a procedure at a commune office opens its form with the office chosen', async () => {
  await page.goto(`${urls.app}/?office=${office.code}&proc=${birthRegistration.code}&utm_source=poster&zshareId=1`);
  await expectFormWithOfficeChosen();
  await expectAccessible(page, 'form opened from a poster');

  await page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  await stepHeading(page, 'Thông tin người nộp').waitFor();

  // "Quay lại" from a page a link opened leads to the home page, not out of the app.
  await page.getByRole('button', { name: 'Quay lại' }).click();
  await page.getByRole('list', { name: 'Thủ tục được dùng nhiều' }).waitFor();
});

test('a poster with an unknown office gets a friendly page that offers the search', async () => {
  await page.goto(`${urls.app}/?office=99999&proc=${birthRegistration.code}`);
  await page.getByRole('heading', { level: 1, name: 'Không tìm thấy cơ quan' }).waitFor();
  await expect(page.getByRole('alert').count()).resolves.toBe(0);
  await expectAccessible(page, 'unknown office');

  await page.getByRole('searchbox', { name: 'Tìm xã, phường hoặc tên cũ' }).fill(office.search);
  const found = page.getByRole('list', { name: 'Cơ quan, UBND xã/phường' }).getByRole('link', { name: new RegExp(office.name) });
  await found.waitFor();
  await expectAccessible(page, 'office search on the unknown-office page');
  await found.click();

  await page.getByRole('heading', { level: 1, name: office.name }).waitFor();
  await page.getByRole('button', { name: 'Nộp hồ sơ tại đây' }).click();
  const choices = page.getByRole('list', { name: 'Chọn thủ tục bạn muốn nộp' });
  await choices.waitFor();
  await expectAccessible(page, 'office page with its procedures to apply for');
  await choices.getByRole('link', { name: new RegExp(`^${birthRegistration.name}`) }).first().click();
  await expectFormWithOfficeChosen();
});

test('malformed values in a link are ignored: the home page, no error', async () => {
  await page.goto(`${urls.app}/?office=%3Cscript%3Ealert(1)%3C%2Fscript%3E&proc=${'9'.repeat(300)}`);
  await page.getByRole('list', { name: 'Thủ tục được dùng nhiều' }).waitFor();
  await expect(page.getByText('Không tìm thấy').count()).resolves.toBe(0);
});

test('“Quét mã QR” reads the office’s poster QR from the proxy and opens the form with the office chosen', async () => {
  // The QR code the proxy prints on the office's poster for birth registration.
  const response = await fetch(`${urls.api}/api/v1/offices/${office.code}/qr.png?proc=${birthRegistration.code}`);
  expect(response.status).toBe(200);
  const posterQr = Buffer.from(await response.arrayBuffer());

  await page.goto(urls.app);
  await page.getByRole('button', { name: /^Quét mã QR/ }).click();
  // The sandbox build's stand-in for Zalo's camera: pick a picture of the code.
  const scanner = page.getByRole('dialog', { name: 'Quét mã QR (bản thử nghiệm)' });
  await scanner.waitFor();
  await expectAccessible(page, 'sandbox scanner');
  await scanner.getByLabel('Chọn ảnh có mã QR').setInputFiles({ name: 'poster-qr.png', mimeType: 'image/png', buffer: posterQr });
  await expectFormWithOfficeChosen();

  // A code that is not ours, typed into the stand-in: the app says so and offers to scan again.
  await page.goto(urls.app);
  await page.getByRole('button', { name: /^Quét mã QR/ }).click();
  await scanner.getByLabel('Hoặc nhập nội dung mã').fill('https://example.com/khuyen-mai');
  await scanner.getByRole('button', { name: 'Dùng nội dung này' }).click();
  await page.getByRole('alert').filter({ hasText: 'Đây không phải mã QR của Lào Cai số' }).waitFor();
  await page.getByRole('button', { name: 'Quét lại' }).waitFor();
  await expectAccessible(page, 'a code that is not ours');
});
