import { screen, waitFor, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { zmpSdkMock } from '../../support/zmp-sdk-mock';
import { followedApplication, installFollowUpProxy } from '../applications/follow-up-support';
import { installEntryProxy, renderWholeApp } from './support';

endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installEntryProxy(api);
});

const POSTER = 'https://zalo.me/s/1234567890123456789/?office=04465&proc=1.001193';
const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });

/** Opens the app on the home page, the scanner ready to read `content` ('' when the citizen closes it). */
async function scanFromHome(result: typeof zmpSdkMock.scanResult) {
  zmpSdkMock.scanResult = result;
  const view = renderWholeApp();
  await view.user.click(await screen.findByRole('button', { name: /^Quét mã QR/ }));
  return view;
}

describe('“Quét mã QR” on the home page', () => {
  it('opens the form of an office poster’s procedure with the office chosen', async () => {
    await scanFromHome({ content: POSTER });
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    const office = await screen.findByRole('group', { name: 'Nơi nộp hồ sơ' });
    expect(await within(office).findByText('Xã Khao Mang')).toBeInTheDocument();
    expect(zmpSdkMock.prompts).toEqual(['scanQRCode']);
  });

  // zalo-platform.md, "Deep links and QR codes": a path may precede the query.
  it('opens the form of a poster whose link has a path before the query', async () => {
    await scanFromHome({ content: 'https://zalo.me/s/1234567890123456789/some/path?office=04465&proc=1.001193&env=PRODUCTION' });
    expect(await h1('Đăng ký khai sinh')).toBeInTheDocument();
    const office = await screen.findByRole('group', { name: 'Nơi nộp hồ sơ' });
    expect(await within(office).findByText('Xã Khao Mang')).toBeInTheDocument();
  });

  it('opens the office of a poster without a procedure', async () => {
    await scanFromHome({ content: 'https://zalo.me/s/1234567890123456789/?office=02716&utm_source=poster' });
    expect(await h1('UBND phường Cam Đường')).toBeInTheDocument();
  });

  it('opens the citizen’s own dossier from the receipt code on their receipt', async () => {
    installIdentityProxy(api);
    installFollowUpProxy(api, [followedApplication({ id: 'app-7', receiptCode: '04465-261122-0007' })]);
    await scanFromHome({ content: '04465-261122-0007' });
    expect(await h1('Cơ quan đang giải quyết hồ sơ')).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/app-7').length).toBeGreaterThan(0);
  });

  it('opens the public lookup with the code filled in when the dossier is not the citizen’s', async () => {
    installIdentityProxy(api);
    installFollowUpProxy(api, [followedApplication({ id: 'app-7', receiptCode: '04465-261122-0007' })]);
    await scanFromHome({ content: '02716-261120-0042' });
    expect(await h1('Tra cứu hồ sơ')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Mã hồ sơ' })).toHaveValue('02716-261120-0042');
    expect(screen.getByRole('textbox', { name: /4 số cuối/ })).toHaveValue('');
  });

  it('opens the public lookup when the citizen is not signed in', async () => {
    await scanFromHome({ content: '02716-261120-0042' });
    expect(await h1('Tra cứu hồ sơ')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Mã hồ sơ' })).toHaveValue('02716-261120-0042');
  });

  it.each([
    ['another mini app’s link', 'https://zalo.me/s/999888777/?office=04465'],
    ['a web page', 'https://example.com/?office=04465'],
    ['our link without anything we know', 'https://zalo.me/s/1234567890123456789/?utm_source=x'],
    ['plain text', 'Xin chào'],
  ])('says clearly that %s is not one of our codes, and scans again', async (_what, content) => {
    const { user } = await scanFromHome({ content });
    expect(await h1('Quét mã QR')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Đây không phải mã QR của Lào Cai số');

    zmpSdkMock.scanResult = { content: 'https://zalo.me/s/1234567890123456789/?office=04465' };
    await user.click(screen.getByRole('button', { name: 'Quét lại' }));
    expect(await h1('UBND xã Khao Mang')).toBeInTheDocument();
  });

  it('stays on the home page when the citizen closes the scanner or refuses the camera', async () => {
    const { user } = await scanFromHome({ content: '' });
    const button = screen.getByRole('button', { name: /^Quét mã QR/ });
    const scanned = async (times: number) => {
      await waitFor(() => expect(zmpSdkMock.prompts).toHaveLength(times));
      await waitFor(() => expect(button).toHaveAttribute('aria-busy', 'false'));
    };
    await scanned(1);
    zmpSdkMock.scanResult = { error: { code: -201, message: 'User denied' } };
    await user.click(button);
    await scanned(2);
    expect(screen.getByRole('heading', { level: 1, name: 'Lào Cai số' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the scanner could not be opened', async () => {
    await scanFromHome({ error: { code: -1, message: 'Camera error' } });
    expect(await h1('Quét mã QR')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Chưa mở được máy quét');
    expect(screen.getByRole('button', { name: 'Quét lại' })).toBeInTheDocument();
  });
});
