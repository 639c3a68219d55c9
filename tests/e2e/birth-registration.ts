// Shared steps of end-to-end journeys that apply for birth registration (1.001193) in the mini app: the office, the
// applicant, the procedure's fields, photos of documents taken like a phone camera would.
import type { Page } from 'playwright-core';
import { urls } from './support/stack';

// The office the citizen picks, by its unit code; the one-stop system's receipt code starts with it.
export const office = { code: '04465', search: 'Khao Mang', unitName: 'Xã Khao Mang', name: 'UBND xã Khao Mang' };
export const child = { name: 'Lò Thị Hoa', birthDate: '2026-10-05', birthDateShown: '05/10/2026' };

// The documents of 1.001193 that are required (data/procedures.json); each gets a photo.
export const requiredDocuments = [
  'Tờ khai đăng ký khai sinh (theo mẫu)',
  'Giấy chứng sinh do cơ sở y tế nơi trẻ sinh ra cấp',
  'Giấy tờ tùy thân của người yêu cầu (Căn cước/Căn cước công dân, hộ chiếu) hoặc tài khoản định danh điện tử VNeID mức 2',
];

/** Called on each screen of the form, e.g. to check it is accessible. */
export type ScreenCheck = (screen: string) => Promise<void>;

/**
 * A photo as a cheap phone camera takes it: 3000×4000 JPEG of a paper document under uneven light, with sensor
 * noise (which is what makes real photos large), drawn on the browser's canvas.
 */
export async function takePhoneJpeg(target: Page): Promise<Buffer> {
  const dataUrl = await target.evaluate(async () => {
    const width = 3000;
    const height = 4000;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const light = context.createLinearGradient(0, 0, width, height);
    light.addColorStop(0, '#f4efe2');
    light.addColorStop(1, '#b9b2a2');
    context.fillStyle = light;
    context.fillRect(0, 0, width, height);
    context.fillStyle = '#1d1d1f';
    context.font = 'bold 110px serif';
    context.fillText('GIẤY CHỨNG SINH', 700, 420);
    context.font = '64px serif';
    for (let line = 0; line < 40; line += 1) {
      context.fillText(`Họ và tên mẹ: Lò Thị Hoa — Nơi sinh: Bệnh viện Sản Nhi tỉnh Lào Cai ${line}`, 220, 700 + line * 80);
    }
    const image = context.getImageData(0, 0, width, height);
    let seed = 7;
    for (let i = 0; i < image.data.length; i += 4) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 25) - 12;
      image.data[i] += noise;
      image.data[i + 1] += noise;
      image.data[i + 2] += noise;
    }
    context.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('no JPEG'))), 'image/jpeg', 0.92),
    );
    return new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.readAsDataURL(blob);
    });
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

export const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name });
export const nextStep = (page: Page) => page.getByRole('button', { name: 'Tiếp tục', exact: true }).click();

export async function pickCommune(page: Page, search: string, unitName: string) {
  await page.getByRole('searchbox', { name: 'Tìm theo tên xã, phường' }).fill(search);
  await page.getByRole('button', { name: new RegExp(unitName) }).first().click();
  await page.getByText(unitName, { exact: true }).first().waitFor();
}

/** Takes a photo for one document (a region named by it) through the file chooser, and waits until it is uploaded. */
export async function photograph(page: Page, documentName: string, photo: Buffer, fileName: string) {
  const section = page.getByRole('region', { name: documentName });
  const chooser = page.waitForEvent('filechooser');
  await section.locator('label', { hasText: 'Chụp ảnh' }).click();
  await (await chooser).setFiles({ name: fileName, mimeType: 'image/jpeg', buffer: photo });
  await section.getByText(fileName).waitFor();
  await section.getByText(/Đã tải lên/).waitFor({ timeout: 60_000 });
}

/** From the home page: finds "Đăng ký khai sinh" by search and opens it. */
export async function openBirthRegistration(page: Page, check: ScreenCheck) {
  const search = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
  await search.waitFor();
  await search.fill('khai sinh');
  await page.getByRole('link', { name: /^Đăng ký khai sinh/ }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await check('procedure');
}

/** Steps 1–7 of the form: where, who applies, and the procedure's own fields; ends on the documents step. */
export async function answerUpToDocuments(page: Page, check: ScreenCheck) {
  // 1. Where to submit.
  await stepHeading(page, 'Nơi nộp hồ sơ').waitFor();
  await expect(page.getByText('Bước 1/9').isVisible()).resolves.toBe(true);
  await pickCommune(page, office.search, office.unitName);
  await check('form: office');
  await nextStep(page);

  // 2. Who applies.
  await stepHeading(page, 'Thông tin người nộp').waitFor();
  await page.getByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ }).fill('Lò Thị Sáu');
  await page.getByRole('textbox', { name: /Số điện thoại di động của bạn/ }).fill('0912 345 678');
  await page.getByRole('textbox', { name: /Số CCCD của bạn/ }).fill('010190001234');
  await check('form: applicant');
  await nextStep(page);

  // 3–7. The procedure's own fields, three at a time.
  await stepHeading(page, 'Thông tin kê khai (1/5)').waitFor();
  await page.getByRole('radio', { name: 'Mẹ', exact: true }).check();
  await page.getByRole('textbox', { name: /Họ, chữ đệm và tên của trẻ/ }).fill(child.name);
  await page.getByLabel(/Ngày, tháng, năm sinh/).fill(child.birthDate);
  await check('form: fields 1/5');
  await nextStep(page);

  await stepHeading(page, 'Thông tin kê khai (2/5)').waitFor();
  await page.getByRole('radio', { name: 'Nữ', exact: true }).check();
  await page.getByRole('textbox', { name: /Dân tộc/ }).fill('Dao');
  await page.getByRole('radio', { name: /Tại cơ sở y tế/ }).check();
  await check('form: fields 2/5');
  await nextStep(page);

  await stepHeading(page, 'Thông tin kê khai (3/5)').waitFor();
  await page.getByRole('textbox', { name: /Tên cơ sở y tế hoặc địa chỉ nơi sinh/ }).fill('Trạm y tế xã Khao Mang');
  await page.getByRole('textbox', { name: /Họ, chữ đệm và tên người mẹ/ }).fill('Lò Thị Sáu');
  await nextStep(page);

  await stepHeading(page, 'Thông tin kê khai (4/5)').waitFor();
  await page.getByRole('textbox', { name: /Số định danh cá nhân \(CCCD\) của người mẹ/ }).fill('010190001234');
  await nextStep(page);

  await stepHeading(page, 'Thông tin kê khai (5/5)').waitFor();
  await page.getByRole('radio', { name: 'Có', exact: true }).check();
  await pickCommune(page, office.search, office.unitName);
  await check('form: fields 5/5');
  await nextStep(page);

  await stepHeading(page, 'Giấy tờ đính kèm').waitFor();
}

/** Submits from the review step and waits for the one-stop system's receipt code; returns it. */
export async function submitAndWaitForReceiptCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Nộp hồ sơ', exact: true }).click();
  const official = page.getByRole('region', { name: 'Mã hồ sơ' });
  await official.waitFor({ timeout: 60_000 });
  return (await official.locator('.receipt-code').innerText()).trim();
}

/**
 * From the home page: opens the form, answers it with a phone photo of each required document and submits; returns
 * the application's id, the one-stop system's receipt code, and the photo (for documents asked for later).
 */
export async function applyWithRequiredDocuments(
  page: Page,
): Promise<{ applicationId: string; receiptCode: string; photo: Buffer }> {
  await openBirthRegistration(page, async () => undefined);
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await answerUpToDocuments(page, async () => undefined);
  const photo = await takePhoneJpeg(page);
  for (const [index, document] of requiredDocuments.entries()) {
    await photograph(page, document, photo, `giay-to-${index + 1}.jpg`);
  }
  await nextStep(page);
  await stepHeading(page, 'Kiểm tra lại thông tin').waitFor();
  const submitted = page.waitForResponse(
    (response) => response.url() === `${urls.api}/api/v1/applications` && response.request().method() === 'POST',
  );
  const receiptCode = await submitAndWaitForReceiptCode(page);
  const { id } = (await (await submitted).json()) as { id: string };
  return { applicationId: id, receiptCode, photo };
}
