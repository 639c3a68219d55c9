// Journey: a citizen applies for birth registration; in the officer console of the sandbox one-stop system (a second
// page of the same browser) an officer opens the office's dossiers and asks for a missing document; the citizen sees
// the request on the application page, photographs the document and sends it; once the supplement has reached the
// one-stop system the officer marks the result ready; the citizen sees where to collect it and rates the service.
import type { Page } from 'playwright-core';
import { applyWithRequiredDocuments, office, photograph } from './birth-registration';
import { expectAccessible, openDeskPage, openPhonePage } from './support/browser';
import { eventually, useBrowser } from './support/journey';
import { urls } from './support/stack';

const missingDocument = 'Bản sao giấy chứng nhận kết hôn của cha mẹ';
const officerNote = 'Chụp rõ nét, đủ bốn góc.';

let citizen: Page;
let officer: Page;
useBrowser(async (browser) => {
  citizen = await openPhonePage(browser);
  officer = await openDeskPage(browser);
});

/** The sandbox one-stop system's status code of the dossier with this receipt code (its control API). */
async function oneStopStatus(receiptCode: string): Promise<number | undefined> {
  const response = await fetch(`${urls.sandbox}/sandbox/control/one-stop/dossiers`);
  const body = (await response.json()) as { dossiers: { MaHoSo: string | null; TrangThaiHoSo: number }[] };
  return body.dossiers.find((dossier) => dossier.MaHoSo === receiptCode)?.TrangThaiHoSo;
}

/** Waits until every status webhook the one-stop system has sent so far reached the proxy. */
async function webhooksDelivered(): Promise<void> {
  const response = await fetch(`${urls.sandbox}/sandbox/control/one-stop/webhooks?settle=true`);
  const body = (await response.json()) as { deliveries: { status: string; action: string }[] };
  expect(body.deliveries.filter((delivery) => delivery.status !== 'delivered')).toEqual([]);
}

/**
 * Opens the Hồ sơ tab as the citizen would after Zalo reopens the app, until the application's card shows `status`
 * (the proxy applies a webhook as it receives it; the list is asked for afresh on each visit); then opens it.
 */
async function openApplicationWhenItShows(receiptCode: string, status: string, screen: string): Promise<void> {
  const card = citizen.getByRole('link').filter({ hasText: `Mã hồ sơ: ${receiptCode}` });
  await eventually(`the card of ${receiptCode} shows “${status}”`, async () => {
    await citizen.reload();
    await citizen.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Hồ sơ' }).click();
    await card.waitFor();
    return (await card.innerText()).includes(status);
  });
  await expectAccessible(citizen, `Hồ sơ tab: ${screen}`);
  await card.click();
  await citizen.getByRole('heading', { level: 1, name: status }).waitFor();
}

test('a citizen follows an application through a supplement request to the result, and rates the service', async () => {
  // The citizen applies, with a photo of each required document.
  await citizen.goto(urls.app);
  const check = (screen: string) => expectAccessible(citizen, screen);
  const { receiptCode, photo } = await applyWithRequiredDocuments(citizen);
  expect(receiptCode).toMatch(new RegExp(`^${office.code}-\\d{6}-\\d{4}$`));
  await check('application page: received');

  // The officer picks the office, finds the dossier and asks for the missing document.
  await officer.goto(`${urls.sandbox}/officer`);
  await officer.getByRole('heading', { level: 1, name: 'Bàn làm việc cán bộ một cửa' }).waitFor();
  await expectAccessible(officer, 'officer: desk');
  await officer.getByLabel('Đơn vị tiếp nhận').selectOption(office.code);
  await officer.getByRole('button', { name: 'Xem hồ sơ' }).click();
  await officer.getByRole('link', { name: receiptCode }).click();
  await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${receiptCode}` }).waitFor();
  await expectAccessible(officer, 'officer: dossier accepted');
  await officer.getByLabel('Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)').fill(missingDocument);
  await officer.getByLabel('Hướng dẫn thêm (không bắt buộc)').fill(officerNote);
  await officer.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
  await officer.getByRole('status').waitFor();
  await expectAccessible(officer, 'officer: supplement requested');
  await webhooksDelivered();

  // The citizen sees exactly what is missing, photographs it and sends it.
  await openApplicationWhenItShows(receiptCode, 'Cần bổ sung giấy tờ', 'supplement requested');
  const todo = citizen.getByRole('region', { name: 'Việc bạn cần làm' });
  await expect(todo.innerText()).resolves.toContain(officerNote);
  await expect(todo.getByRole('heading', { level: 3 }).allInnerTexts()).resolves.toEqual([missingDocument]);
  await check('application page: supplement requested');
  await photograph(citizen, missingDocument, photo, 'giay-ket-hon.jpg');
  await todo.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await todo.getByText(/Đã gửi giấy tờ bổ sung/).waitFor();
  await check('application page: supplement sent');

  // The proxy forwards the supplement; the one-stop system resumes processing (4) with a new due date.
  await eventually('the one-stop system has the supplement', async () => (await oneStopStatus(receiptCode)) === 4);
  await officer.reload();
  const resultReady = officer.getByRole('button', { name: 'Có kết quả' });
  await resultReady.waitFor();
  const pickupPlace = await officer.getByLabel('Nơi nhận kết quả').inputValue();
  await officer.getByLabel('Hình thức nhận').selectOption({ index: 0 });
  const pickupMethod = await officer.getByLabel('Hình thức nhận').locator('option:checked').innerText();
  await expectAccessible(officer, 'officer: supplement received');
  await resultReady.click();
  await officer.getByRole('status').waitFor();
  await expectAccessible(officer, 'officer: result ready');
  await webhooksDelivered();

  // The citizen sees where and how to collect the result, every step so far, and rates the service once.
  await openApplicationWhenItShows(receiptCode, 'Đã có kết quả, mời bạn đến nhận', 'result ready');
  const collect = citizen.getByRole('region', { name: 'Việc bạn cần làm' });
  const fact = (label: string) => collect.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Nơi nhận').innerText()).resolves.toBe(pickupPlace);
  await expect(fact('Cách nhận').innerText()).resolves.toBe(pickupMethod);
  const timeline = citizen.getByRole('region', { name: 'Quá trình xử lý' });
  await expect(timeline.innerText()).resolves.toContain(missingDocument);
  await expect(citizen.getByRole('region', { name: 'Giấy tờ bạn đã gửi' }).innerText()).resolves.toContain(
    'giay-ket-hon.jpg',
  );
  await check('application page: result ready');

  const rating = citizen.getByRole('region', { name: 'Đánh giá dịch vụ' });
  await rating.getByRole('radio', { name: '5 sao — Rất hài lòng' }).check();
  await rating.getByLabel('Góp ý (không bắt buộc)').fill('Cán bộ hướng dẫn rõ ràng, không phải đi lại.');
  await check('application page: rating');
  await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
  await rating.getByText('Cảm ơn bạn đã đánh giá').waitFor();
  await expect(rating.getByRole('radio').count()).resolves.toBe(0);
  await check('application page: rated');
}, 300_000);
