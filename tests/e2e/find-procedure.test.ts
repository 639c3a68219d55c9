// Journey: a citizen opens the app, searches without diacritics, opens "Đăng ký khai sinh" and reads the documents.
import type { Page } from 'playwright-core';
import { expectAccessible, openPhonePage } from './support/browser';
import { useBrowser } from './support/journey';
import { urls } from './support/stack';

let page: Page;
useBrowser(async (browser) => {
  page = await openPhonePage(browser);
});

test('a citizen finds "Đăng ký khai sinh" by typing without diacritics and sees its documents', async () => {
  await page.goto(urls.app);
  const search = page.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });
  await search.waitFor();
  await expect(page.getByText('Lào Cai số').first().isVisible()).resolves.toBe(true);
  await expectAccessible(page, 'home');

  await search.fill('dang ky khai sinh');
  const firstResult = page.getByRole('link', { name: /Đăng ký khai sinh/ }).first();
  await firstResult.waitFor();
  const resultNames = await page.getByRole('link', { name: /Đăng ký khai sinh/ }).allInnerTexts();
  expect(resultNames[0]).toMatch(/^Đăng ký khai sinh\b/);
  expect(resultNames[0]).not.toMatch(/kết hợp/);
  await expectAccessible(page, 'search results');

  await firstResult.click();
  await page.getByRole('heading', { level: 1, name: 'Đăng ký khai sinh' }).waitFor();
  await page.getByRole('heading', { name: 'Thành phần hồ sơ' }).waitFor();
  const documents = page.getByRole('list', { name: 'Thành phần hồ sơ' }).getByRole('listitem');
  expect(await documents.count()).toBeGreaterThan(0);
  await expect(documents.first().innerText()).resolves.toMatch(/Tờ khai|Giấy chứng sinh/);
  await expectAccessible(page, 'procedure');
});
