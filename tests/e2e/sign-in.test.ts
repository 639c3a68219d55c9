// Journey: a citizen opens the app and is signed in without typing; on Cá nhân they pick a demo citizen (the demo
// build's stand-in for "the Zalo user"), allow their Zalo name and picture, share their phone after reading why,
// see it masked, look at withdrawing it, and finally delete all their data.
import type { Page } from 'playwright-core';
import { expectAccessible, openPhonePage } from './support/browser';
import { useBrowser } from './support/journey';
import { urls } from './support/stack';

// A demo citizen of the sandbox and the last digits of their verified phone (sandbox/README.md, "Demo citizens":
// phones 84912000101 … 84912000106 in list order; Hoàng Văn Thắng is the third).
const citizen = { name: 'Hoàng Văn Thắng', phoneEnding: '103' };

let page: Page;
useBrowser(async (browser) => {
  page = await openPhonePage(browser);
});

const privacyHeading = () => page.getByRole('heading', { level: 2, name: 'Quyền riêng tư' });

test('a citizen signs in without typing, shares their phone after a consent screen and sees it masked', async () => {
  const sessionAnswers: number[] = [];
  page.on('response', (response) => {
    if (response.url() === `${urls.api}/api/v1/sessions`) sessionAnswers.push(response.status());
  });

  await page.goto(urls.app);
  await page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' }).waitFor();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: 'Cá nhân' }).click();

  // Signed in silently as the first demo citizen: the page shows what the proxy holds, nothing shared yet.
  await privacyHeading().waitFor();
  expect(sessionAnswers).toEqual([201]);
  await page.getByText(/Bạn chưa chia sẻ số điện thoại/).waitFor();
  await expectAccessible(page, 'profile, signed in');

  // The demo build's switch: sign in as another demo citizen.
  await page.getByRole('heading', { name: 'Đổi công dân mẫu (chỉ trong bản demo)' }).click();
  await page.getByRole('radio', { name: new RegExp(citizen.name) }).check();
  await page.getByText(`Đã đăng nhập với tư cách ${citizen.name}`).waitFor();
  await privacyHeading().waitFor();
  expect(sessionAnswers).toEqual([201, 201]);
  await expectAccessible(page, 'profile, demo citizen switch open');

  // Name and picture: the explanation first, then (in the sandbox, an always-yes) Zalo prompt.
  await page.getByRole('link', { name: /Hiển thị tên và ảnh Zalo của bạn/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Hiển thị tên và ảnh Zalo' }).waitFor();
  await expectAccessible(page, 'profile consent screen');
  await page.getByRole('button', { name: 'Đồng ý', exact: true }).click();
  await page.locator('.account-name', { hasText: citizen.name }).waitFor();
  expect(await page.locator('img.account-avatar').getAttribute('src')).toMatch(/^data:image\//);
  await expectAccessible(page, 'profile with Zalo name and picture');

  // Phone: the consent screen says what the number is for, then the number comes back masked.
  await page.getByRole('link', { name: 'Chia sẻ số điện thoại' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chia sẻ số điện thoại' }).waitFor();
  await page.getByText('điền sẵn số điện thoại vào hồ sơ bạn nộp;').waitFor();
  await expectAccessible(page, 'phone consent screen');
  await page.getByRole('button', { name: 'Đồng ý và chia sẻ' }).click();

  await page.getByText(`•••• ••• ${citizen.phoneEnding}`).waitFor();
  await expect(page.locator('body').innerText()).resolves.not.toMatch(/912000/);
  const phoneConsent = page
    .getByRole('list', { name: 'Quyền riêng tư' })
    .getByRole('listitem')
    .filter({ hasText: 'Số điện thoại' });
  await expect(phoneConsent.innerText()).resolves.toMatch(/Đã đồng ý ngày \d{2}\/\d{2}\/\d{4}/);
  await expectAccessible(page, 'profile with the masked phone');

  // Withdrawing asks first, in a modal dialog; keep it.
  await page.getByRole('button', { name: 'Rút lại đồng ý: Số điện thoại' }).click();
  const withdrawDialog = page.getByRole('dialog', { name: 'Rút lại đồng ý “Số điện thoại”?' });
  await withdrawDialog.waitFor();
  await expectAccessible(page, 'withdraw confirmation');
  await withdrawDialog.getByRole('button', { name: 'Giữ nguyên' }).click();
  await withdrawDialog.waitFor({ state: 'detached' });
  await page.getByText(`•••• ••• ${citizen.phoneEnding}`).waitFor();

  // Deleting everything names what goes, then leaves the citizen signed out.
  await page.getByRole('button', { name: 'Xóa toàn bộ dữ liệu của tôi' }).click();
  const deleteDialog = page.getByRole('dialog', { name: 'Xóa toàn bộ dữ liệu của bạn?' });
  await deleteDialog.waitFor();
  await expectAccessible(page, 'delete-all confirmation');
  await deleteDialog.getByRole('button', { name: 'Xóa toàn bộ dữ liệu' }).click();
  await page.getByText(/Đã xóa toàn bộ dữ liệu của bạn khỏi Lào Cai số/).waitFor();
  await expect(page.getByText(`•••• ••• ${citizen.phoneEnding}`).count()).resolves.toBe(0);
  await expectAccessible(page, 'profile after deleting all data');
});
