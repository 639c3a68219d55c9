import { GIANG_THI_MY, MINI_APP_ORIGIN, TAN_LAO_SAN, json, login, postJson } from '../support/sandbox-server';
import { API_KEY, type NotifySandbox, miniAppBody, startNotifySandbox, zaloError } from './notify-support';

const HOANG_VAN_THANG = '7039114825460093318';

describe('mini app notifications (POST /notification/template)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox();
  });
  afterEach(() => sandbox.close());

  it('delivers to a citizen who allowed notifications and used the app this week, and records the message', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    const response = await sandbox.sendMiniApp(GIANG_THI_MY);
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({ error: 0, message: 'Success', data: { msgId: expect.stringMatching(/^\S+$/) } });

    expect(await sandbox.messages(`?userId=${GIANG_THI_MY}`)).toEqual([
      {
        channel: 'mini-app',
        msgId: body.data.msgId,
        trackingId: null,
        userId: GIANG_THI_MY,
        phone: '84912000101',
        templateId: '1001',
        data: miniAppBody().templateData,
        receivedAt: '2026-03-03T02:00:00.000Z',
        duplicateOfTrackingId: false,
      },
    ]);
    expect(await sandbox.messages(`?userId=${TAN_LAO_SAN}`)).toEqual([]);
  });

  it('-124: a wrong or missing API key, or another app id', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    const wrongHeaders: Array<Record<string, string | null>> = [
      { 'x-api-key': 'Bearer wrong-key' },
      { 'x-api-key': API_KEY }, // without "Bearer "
      { 'x-api-key': null },
      { 'x-miniapp-id': '999' },
      { 'x-miniapp-id': null },
    ];
    for (const headers of wrongHeaders) {
      const response = await sandbox.sendMiniApp(GIANG_THI_MY, miniAppBody(), headers);
      expect(await json(response)).toEqual({ error: -124, message: expect.any(String) });
    }
    expect(await sandbox.messages()).toEqual([]);
  });

  it.each([
    ['no X-User-Id', {}, {}, { 'x-user-id': null }],
    ['no templateId', { templateId: undefined }, {}, {}],
    ['templateData not an object', { templateData: 'Hồ sơ' }, {}, {}],
    ['no title', {}, { title: undefined }, {}],
    ['no buttonText', {}, { buttonText: '' }, {}],
    ['a title of 33 characters', {}, { title: 'Đ'.repeat(33) }, {}],
    ['an http buttonUrl', {}, { buttonUrl: 'http://zalo.me/s/1234567890123456789/' }, {}],
    ['a buttonUrl that is not a URL', {}, { buttonUrl: 'xem hồ sơ' }, {}],
  ])('-112: %s', async (_case, overrides, templateData, headers) => {
    await sandbox.optIn(GIANG_THI_MY);
    const response = await sandbox.sendMiniApp(GIANG_THI_MY, miniAppBody(overrides, templateData), headers);
    expect(await json(response)).toEqual({ error: -112, message: expect.stringMatching(/^Invalid parameter/) });
    expect(await sandbox.messages()).toEqual([]);
  });

  it('-112 for a body that is not JSON, still HTTP 200 like Zalo', async () => {
    const response = await fetch(`${sandbox.baseUrl}/notification/template`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user-id': GIANG_THI_MY, 'x-api-key': `Bearer ${API_KEY}`, 'x-miniapp-id': '1234567890123456789' },
      body: '{"templateId":',
    });
    expect(await zaloError(response)).toBe(-112);
  });

  it('accepts a title of exactly 32 characters (Vietnamese letters count once)', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    const title = 'Hồ sơ đã có kết quả, mời nhận ạ!'.padEnd(32, '!');
    expect([...title]).toHaveLength(32);
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY, miniAppBody({}, { title })))).toBe(0);
  });

  it('-141 until the citizen allows notifications, and again after they withdraw', async () => {
    const accessToken = await login(sandbox.baseUrl, GIANG_THI_MY);
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(-141);

    const allowed = await postJson(`${sandbox.baseUrl}/sandbox/zalo/notifications/allow`, { accessToken });
    expect(allowed.status).toBe(200);
    expect(await json(allowed)).toEqual({ error: 0, message: 'Success' });
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);

    const denied = await postJson(`${sandbox.baseUrl}/sandbox/zalo/notifications/deny`, { accessToken });
    expect(await json(denied)).toEqual({ error: 0, message: 'Success' });
    sandbox.setTime('2026-03-04T09:00:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(-141);
  });

  it('-119 when the citizen last signed in more than 7 days ago; a new sign-in restores it', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    sandbox.setTime('2026-03-10T09:00:00+07:00'); // exactly 7 days later
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    sandbox.setTime('2026-03-11T09:00:00+07:00'); // 8 days
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(-119);

    await login(sandbox.baseUrl, GIANG_THI_MY);
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
  });

  it('-144: one notification per citizen per local day, counted again from local midnight', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    await sandbox.optIn(TAN_LAO_SAN);
    sandbox.setTime('2026-03-03T06:00:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    sandbox.setTime('2026-03-03T21:59:59+07:00');
    expect(await json(await sandbox.sendMiniApp(GIANG_THI_MY))).toEqual({ error: -144, message: expect.any(String) });
    expect(await zaloError(await sandbox.sendMiniApp(TAN_LAO_SAN))).toBe(0); // per citizen, not per app

    // 06:00 local on the next day is only 7 hours later, but another calendar day.
    expect((await json(await sandbox.control('GET', '/quota'))).miniAppSentToday).toBe(2);
    sandbox.setTime('2026-03-03T23:59:59.999+07:00');
    expect(await json(await sandbox.control('GET', '/quota'))).toMatchObject({ day: '2026-03-03', miniAppSentToday: 2 });
    sandbox.setTime('2026-03-04T00:00:00+07:00');
    expect(await json(await sandbox.control('GET', '/quota'))).toMatchObject({ day: '2026-03-04', miniAppSentToday: 0 });
    sandbox.setTime('2026-03-04T06:00:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    expect(await sandbox.messages(`?userId=${GIANG_THI_MY}`)).toHaveLength(2);
  });

  it('-147: the app’s daily limit (control), then the next local day sends again', async () => {
    const limit = await sandbox.control('PUT', '/quota', { miniAppDailyLimit: 2 });
    expect(await json(limit)).toMatchObject({ miniAppDailyLimit: 2, miniAppSentToday: 0 });
    for (const userId of [GIANG_THI_MY, TAN_LAO_SAN, HOANG_VAN_THANG]) await sandbox.optIn(userId);

    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    expect(await zaloError(await sandbox.sendMiniApp(TAN_LAO_SAN))).toBe(0);
    expect(await json(await sandbox.sendMiniApp(HOANG_VAN_THANG))).toEqual({ error: -147, message: expect.any(String) });

    sandbox.setTime('2026-03-04T09:00:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(HOANG_VAN_THANG))).toBe(0);
  });

  it('uses a default app limit of 1,000 a day', async () => {
    expect(await json(await sandbox.control('GET', '/quota'))).toMatchObject({ miniAppDailyLimit: 1000 });
  });

  it('-133 outside 06:00–22:00 Asia/Ho_Chi_Minh: 21:59 yes, 22:00 no, 05:59 no, 06:00 yes', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    sandbox.setTime('2026-03-03T21:59:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    await sandbox.control('POST', '/reset'); // forget today's notification so only the hour decides
    sandbox.setTime('2026-03-03T22:00:00+07:00');
    expect(await json(await sandbox.sendMiniApp(GIANG_THI_MY))).toEqual({ error: -133, message: expect.any(String) });
    sandbox.setTime('2026-03-04T05:59:59+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(-133);
    sandbox.setTime('2026-03-04T06:00:00+07:00');
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
  });

  it('sends no delivery webhook for this channel', async () => {
    await sandbox.optIn(GIANG_THI_MY);
    await sandbox.sendMiniApp(GIANG_THI_MY);
    expect(await json(await sandbox.control('GET', '/webhooks?settle=true'))).toMatchObject({ count: 0, deliveries: [] });
  });
});

describe('notification opt-in stand-ins (/sandbox/zalo/notifications/allow|deny)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox();
  });
  afterEach(() => sandbox.close());

  it.each(['allow', 'deny'])('%s: 401 INVALID_ACCESS_TOKEN for a missing, unknown or expired token', async (action) => {
    const url = `${sandbox.baseUrl}/sandbox/zalo/notifications/${action}`;
    const accessToken = await login(sandbox.baseUrl, GIANG_THI_MY);
    sandbox.clock.advance(3601 * 1000);
    for (const body of [{}, { accessToken: 'nope' }, { accessToken }]) {
      const response = await postJson(url, body);
      expect(response.status).toBe(401);
      expect(await json(response)).toEqual({ statusCode: 401, code: 'INVALID_ACCESS_TOKEN', message: expect.any(String) });
    }
  });

  it('answers the mini app’s origin for CORS', async () => {
    const preflight = await fetch(`${sandbox.baseUrl}/sandbox/zalo/notifications/allow`, {
      method: 'OPTIONS',
      headers: { origin: MINI_APP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(MINI_APP_ORIGIN);

    const accessToken = await login(sandbox.baseUrl, GIANG_THI_MY);
    const response = await postJson(`${sandbox.baseUrl}/sandbox/zalo/notifications/allow`, { accessToken }, { origin: MINI_APP_ORIGIN });
    expect(response.headers.get('access-control-allow-origin')).toBe(MINI_APP_ORIGIN);
  });
});
