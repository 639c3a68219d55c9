// Journey: at the desk, an officer of the one-stop system photographs the QR code on a citizen's receipt (the file
// input that opens the camera on a tablet) in the officer console and lands on that dossier; a poster's QR code and
// a picture without a code are explained in Vietnamese.
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { DEFAULT_ONE_STOP_API_TOKEN } from '../../sandbox/src/config';
import { expectAccessible, openDeskPage } from './support/browser';
import { useBrowser } from './support/journey';
import { urls } from './support/stack';

let officer: Page;
useBrowser(async (browser) => {
  officer = await openDeskPage(browser);
});

/** A dossier pushed as the proxy pushes one; the demo one-stop system accepts it at once and issues a receipt code. */
async function pushAcceptedDossier(): Promise<{ id: string; receiptCode: string }> {
  const form = new FormData();
  form.append(
    'HoSo',
    JSON.stringify({
      MaHoSoLienThong: `e2e-scan-${Date.now()}`,
      MaTTHC: '1.001193',
      TenTTHC: 'Đăng ký khai sinh',
      MaDonVi: '04465',
      ChuHoSo: 'Giàng Thị Mỷ',
      SoDienThoai: '0912000101',
      SoGiayToChuHoSo: '010190001234',
      TrichYeuHoSo: 'Đăng ký khai sinh cho Giàng A Pó',
      DuLieuBieuMau: { child_full_name: 'Giàng A Pó', child_sex: 'nam', child_birth_date: '2026-02-20' },
      TaiLieuNop: [],
    }),
  );
  const res = await fetch(`${urls.sandbox}/one-stop/api/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${DEFAULT_ONE_STOP_API_TOKEN}` },
    body: form,
  });
  const dossier = (await res.json()) as { Id: string; MaHoSo: string | null };
  if (!res.ok || !dossier.MaHoSo) throw new Error(`push failed: ${res.status} ${JSON.stringify(dossier)}`);
  return { id: dossier.Id, receiptCode: dossier.MaHoSo };
}

const photoOf = async (text: string) => ({
  name: 'bien-nhan.png',
  mimeType: 'image/png',
  buffer: await QRCode.toBuffer(text, { type: 'png', width: 480, margin: 4 }),
});

async function openConsole(): Promise<void> {
  await officer.goto(`${urls.sandbox}/officer`);
  await officer.getByRole('heading', { name: 'Quét mã biên nhận' }).waitFor();
}

test('a photo of the receipt QR opens the dossier', async () => {
  const { id, receiptCode } = await pushAcceptedDossier();
  await openConsole();
  await expectAccessible(officer, 'officer console with the receipt scanner');

  await officer.getByLabel('Chụp hoặc chọn ảnh mã QR').setInputFiles(await photoOf(receiptCode));
  await officer.waitForURL(`${urls.sandbox}/officer/dossiers/${id}`);
  await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${receiptCode}` }).waitFor();
});

test("a poster's QR code is not a receipt, and the console says so", async () => {
  await openConsole();
  await officer
    .getByLabel('Chụp hoặc chọn ảnh mã QR')
    .setInputFiles(await photoOf('https://zalo.me/s/1234567890123456789/?office=04465'));
  await officer.getByRole('alert').filter({ hasText: 'không phải mã biên nhận' }).waitFor();
  expect(officer.url()).toContain('/officer?MaHoSo=');
});

test('a picture without a QR code: the console asks for a better photo or the typed code', async () => {
  await openConsole();
  const blank = await QRCode.toBuffer('x', { type: 'png', width: 200, margin: 4, color: { dark: '#ffffff', light: '#ffffff' } });
  await officer.getByLabel('Chụp hoặc chọn ảnh mã QR').setInputFiles({ name: 'trang.png', mimeType: 'image/png', buffer: blank });
  await officer.getByRole('status').filter({ hasText: 'Không đọc được mã QR trong ảnh' }).waitFor();
  expect(officer.url()).toBe(`${urls.sandbox}/officer`);
});
