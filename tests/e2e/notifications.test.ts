// Journey: a demo citizen shares their phone, applies for birth registration and, on the receipt, accepts updates in
// Zalo (consent screen, then the sandbox's stand-in for Zalo's requestSendNotification). In a second page an officer
// asks for a missing document in the sandbox officer console. The citizen's Thông báo tab shows the request with an
// unread count on the tab; the sandbox's demo phone page shows the Zalo message with its button to the dossier; tapping
// the notification opens the dossier and marks it read, and the phone's button opens the same dossier.
import type { Page } from 'playwright-core';
import { applyWithRequiredDocuments, office } from './birth-registration';
import { expectAccessible, openDeskPage, openPhonePage } from './support/browser';
import { eventually, useBrowser } from './support/journey';
import { urls } from './support/stack';

// A demo citizen no other journey uses (sandbox/README.md, "Demo citizens": Lù Văn Sài is the fifth, phone …105), so
// their inbox, their Zalo opt-in and their phone hold only what this journey causes.
const demoCitizen = { name: 'Lù Văn Sài', phoneEnding: '105' };
const missingDocument = 'Bản sao giấy chứng nhận kết hôn của cha mẹ';

let citizen: Page;
let officer: Page;
useBrowser(async (browser) => {
  citizen = await openPhonePage(browser);
  officer = await openDeskPage(browser);
});

const navigation = () => citizen.getByRole('navigation', { name: 'Điều hướng chính' });
const tab = (name: string | RegExp) => navigation().getByRole('button', { name });

/** The number on the Thông báo tab's badge; 0 when there is no badge. */
async function unreadOnTab(): Promise<number> {
  const badge = navigation().locator('.nav-badge');
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).trim());
}

async function becomeDemoCitizenWithPhone(): Promise<void> {
  await citizen.goto(urls.app);
  await citizen.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).waitFor();
  await tab('Cá nhân').click();
  await citizen.getByRole('heading', { level: 2, name: 'Quyền riêng tư' }).waitFor();
  await citizen.getByRole('heading', { name: 'Đổi công dân mẫu (chỉ trong bản demo)' }).click();
  await citizen.getByRole('radio', { name: new RegExp(demoCitizen.name) }).check();
  await citizen.getByText(`Đã đăng nhập với tư cách ${demoCitizen.name}`).waitFor();

  // Notification settings before anything is chosen: the inbox always on, Zalo channels off, the phone one needing
  // a shared phone.
  const settings = citizen.getByRole('region', { name: 'Thông báo' });
  await settings.getByRole('switch', { name: 'Thông báo qua Zalo (mini app)' }).waitFor();
  await expect(settings.getByRole('switch', { name: 'Tin nhắn Zalo theo số điện thoại' }).isDisabled()).resolves.toBe(true);
  await expectAccessible(citizen, 'profile: notification settings, nothing chosen');

  await citizen.getByRole('link', { name: 'Chia sẻ số điện thoại', exact: true }).click();
  await citizen.getByRole('button', { name: 'Đồng ý và chia sẻ' }).click();
  await citizen.getByText(`•••• ••• ${demoCitizen.phoneEnding}`).first().waitFor();
}

/** What the demo citizen's phone shows on the sandbox phone page: their section, re-read until `condition` holds. */
async function phoneSectionWhen(phone: Page, what: string, condition: (text: string) => boolean) {
  const section = phone.getByRole('region', { name: new RegExp(demoCitizen.name) });
  await eventually(what, async () => {
    await phone.goto(`${urls.sandbox}/phone`);
    return condition(await section.innerText());
  });
  return section;
}

test('a citizen accepts Zalo notifications on the receipt and learns about a supplement request in the app and in Zalo', async () => {
  await becomeDemoCitizenWithPhone();
  await tab('Trang chủ').click();
  const { applicationId, receiptCode } = await applyWithRequiredDocuments(citizen);
  expect(receiptCode).toMatch(new RegExp(`^${office.code}-\\d{6}-\\d{4}$`));

  // The receipt offers updates in Zalo, once; accepting goes through the consent screen first.
  const offer = citizen.getByRole('region', { name: 'Nhận thông báo về hồ sơ qua Zalo' });
  await offer.waitFor();
  await expect(offer.innerText()).resolves.toContain('Tin nhắn cũng được gửi tới số điện thoại');
  await expectAccessible(citizen, 'receipt: notification offer');
  const allowed = citizen.waitForResponse(
    (response) => response.url() === `${urls.sandbox}/sandbox/zalo/notifications/allow` && response.ok(),
  );
  await offer.getByRole('button', { name: 'Nhận thông báo' }).click();
  await citizen.getByRole('heading', { level: 1, name: 'Nhận thông báo về hồ sơ qua Zalo' }).waitFor();
  await expectAccessible(citizen, 'notifications consent screen');
  await citizen.getByRole('button', { name: 'Đồng ý nhận thông báo' }).click();
  await allowed;
  await citizen.getByText('Đã bật thông báo về hồ sơ qua Zalo').waitFor();
  await citizen.getByRole('region', { name: 'Mã hồ sơ' }).waitFor();
  await expect(offer.count()).resolves.toBe(0);

  // The officer asks for a missing document.
  await officer.goto(`${urls.sandbox}/officer`);
  await officer.getByLabel('Đơn vị tiếp nhận').selectOption(office.code);
  await officer.getByRole('button', { name: 'Xem hồ sơ' }).click();
  await officer.getByRole('link', { name: receiptCode }).click();
  await officer.getByRole('heading', { level: 1, name: `Hồ sơ ${receiptCode}` }).waitFor();
  await officer.getByLabel('Giấy tờ cần bổ sung (mỗi dòng một giấy tờ)').fill(missingDocument);
  await officer.getByRole('button', { name: 'Yêu cầu bổ sung' }).click();
  await officer.getByRole('status').waitFor();

  // The citizen's Zalo: the sandbox phone page shows the message, with its button to this dossier in the mini app.
  const phone = await officer.context().newPage();
  const phoneSection = await phoneSectionWhen(
    phone,
    'the demo phone shows the supplement request',
    (text) => text.includes('Hồ sơ cần bổ sung giấy tờ') && text.includes(missingDocument),
  );
  const message = phoneSection.getByRole('article').filter({ hasText: 'Hồ sơ cần bổ sung giấy tờ' }).first();
  await expect(message.innerText()).resolves.toContain(receiptCode);
  const button = message.getByRole('link', { name: 'Xem hồ sơ' });
  await expect(button.getAttribute('href')).resolves.toBe(`${urls.app}/?application=${applicationId}`);
  await expect(message.innerText()).resolves.toContain(`?application=${applicationId}`);
  await expectAccessible(phone, 'sandbox phone page');

  // The app, reopened: the Thông báo tab counts it, and lists it unread.
  await eventually('the Thông báo tab shows an unread count', async () => {
    await citizen.reload();
    await tab('Trang chủ').waitFor();
    return (await tab(/^Thông báo, \d+ chưa đọc$/).count()) === 1;
  });
  const unreadBefore = await unreadOnTab();
  expect(unreadBefore).toBeGreaterThanOrEqual(1);
  // The count is in the tab's name for screen readers too.
  await tab(`Thông báo, ${unreadBefore} chưa đọc`).click();
  await citizen.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
  const inbox = citizen.getByRole('list', { name: 'Thông báo của bạn' });
  const notification = inbox.getByRole('link').filter({ hasText: 'Hồ sơ cần bổ sung giấy tờ' });
  await expect(notification.innerText()).resolves.toMatch(
    new RegExp(`Chưa đọc[\\s\\S]*Đăng ký khai sinh[\\s\\S]*Mã hồ sơ: ${receiptCode}`),
  );
  await expectAccessible(citizen, 'Thông báo tab with an unread notification');

  // Tapping it opens the dossier, which asks for the document; it is read now.
  await notification.click();
  await citizen.getByRole('heading', { level: 1, name: 'Cần bổ sung giấy tờ' }).waitFor();
  await expect(citizen.getByRole('region', { name: 'Việc bạn cần làm' }).innerText()).resolves.toContain(missingDocument);
  await eventually('the unread count goes down', async () => (await unreadOnTab()) === unreadBefore - 1);
  await tab(/^Thông báo/).click();
  await expect(inbox.getByRole('link').filter({ hasText: 'Hồ sơ cần bổ sung giấy tờ' }).innerText()).resolves.not.toContain(
    'Chưa đọc',
  );
  await expectAccessible(citizen, 'Thông báo tab after reading');

  // The Zalo message's button opens the same dossier in the mini app.
  await citizen.goto((await button.getAttribute('href')) as string);
  await citizen.getByRole('heading', { level: 1, name: 'Cần bổ sung giấy tờ' }).waitFor();
  await expect(citizen.getByText(receiptCode).first().isVisible()).resolves.toBe(true);

  // Cá nhân shows both Zalo channels on.
  await tab('Cá nhân').click();
  const settings = citizen.getByRole('region', { name: 'Thông báo' });
  await expect(settings.getByRole('switch', { name: 'Thông báo qua Zalo (mini app)' }).isChecked()).resolves.toBe(true);
  await expect(settings.getByRole('switch', { name: 'Tin nhắn Zalo theo số điện thoại' }).isChecked()).resolves.toBe(true);
  await expectAccessible(citizen, 'profile: notification settings, both Zalo channels on');
}, 300_000);
