import { GIANG_THI_MY, json } from '../support/sandbox-server';
import { type NotifySandbox, OA_TOKENS, startNotifySandbox, zaloError, zbsBody } from './notify-support';

describe('template messages by phone (POST /message/template)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox();
  });
  afterEach(() => sandbox.close());

  it('sends with the OA access token: msg_id, sent_time and the quota as strings; the phone receives it', async () => {
    const response = await sandbox.sendZbs();
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({
      error: 0,
      message: 'Success',
      data: {
        msg_id: expect.stringMatching(/^\S+$/),
        sent_time: String(Date.parse('2026-03-03T09:00:00+07:00')),
        quota: { dailyQuota: '500', remainingQuota: '499' },
      },
    });
    expect((await json(await sandbox.sendZbs(zbsBody({ tracking_id: 'second' })))).data.quota).toEqual({
      dailyQuota: '500',
      remainingQuota: '498',
    });

    const [first] = await sandbox.messages('?phone=84912000101');
    expect(first).toEqual({
      channel: 'zbs',
      msgId: body.data.msg_id,
      trackingId: zbsBody().tracking_id,
      userId: GIANG_THI_MY, // the demo citizen with this phone
      phone: '84912000101',
      templateId: '2002',
      data: zbsBody().template_data,
      receivedAt: '2026-03-03T02:00:00.000Z',
      duplicateOfTrackingId: false,
    });
    // Also findable by the citizen's user id; nothing for another phone.
    expect(await sandbox.messages(`?userId=${GIANG_THI_MY}`)).toHaveLength(2);
    expect(await sandbox.messages('?phone=84912000102')).toEqual([]);
  });

  it('sends to any well-formed Zalo phone, not only the demo citizens’, with a numeric template id and a mode', async () => {
    const response = await sandbox.sendZbs(zbsBody({ phone: '84987654321', template_id: 2002, mode: 'development' }));
    expect(await zaloError(response)).toBe(0);
    expect(await sandbox.messages('?phone=84987654321')).toEqual([
      expect.objectContaining({ userId: null, phone: '84987654321', templateId: '2002' }),
    ]);
  });

  it('-124: a missing, unknown or expired OA access token (25 h after it was issued, by the sandbox clock)', async () => {
    await sandbox.close();
    sandbox = await startNotifySandbox({ oaAccessTokenTtlSeconds: undefined }); // Zalo's lifetime, from SANDBOX_START
    expect(await json(await sandbox.sendZbs(zbsBody(), null))).toEqual({ error: -124, message: expect.any(String) });
    expect(await zaloError(await sandbox.sendZbs(zbsBody(), 'not-the-token'))).toBe(-124);
    sandbox.setTime('2026-03-03T09:59:59.999+07:00');
    expect(await zaloError(await sandbox.sendZbs())).toBe(0);
    sandbox.setTime('2026-03-03T10:00:00+07:00');
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'late' })))).toBe(-124);
    expect((await sandbox.messages()).map((message) => message.trackingId)).toEqual([zbsBody().tracking_id]);
  });

  it.each([
    ['no tracking_id', { tracking_id: undefined }],
    ['an empty tracking_id', { tracking_id: '' }],
    ['a tracking_id of 49 characters', { tracking_id: 'x'.repeat(49) }],
    ['template_data not an object', { template_data: 'Đăng ký khai sinh' }],
    ['template_data an array', { template_data: ['Đăng ký khai sinh'] }],
    ['no template_id', { template_id: undefined }],
    ['a mode that is not a string', { mode: 1 }],
  ])('-112: %s', async (_case, overrides) => {
    const response = await sandbox.sendZbs(zbsBody(overrides));
    expect(await json(response)).toEqual({ error: -112, message: expect.stringMatching(/^Invalid parameter/) });
    expect(await sandbox.messages()).toEqual([]);
    expect((await json(await sandbox.control('GET', '/quota'))).remainingQuota).toBe(500);
  });

  it('accepts a tracking_id of exactly 48 characters', async () => {
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'x'.repeat(48) })))).toBe(0);
  });

  it.each([['0912000101'], ['+84912000101'], ['8491200010'], ['849120001011'], ['84 912 000 101'], [84912000101], [undefined]])(
    '-108: phone %p is not in Zalo’s 84 + 9 digits form',
    async (phone) => {
      expect(await json(await sandbox.sendZbs(zbsBody({ phone })))).toEqual({ error: -108, message: expect.any(String) });
    },
  );

  it('-108 and -118 for phones the control API marks, until unmarked', async () => {
    expect(await json(await sandbox.control('PUT', '/phones/84912000102/mark', { error: -108 }))).toEqual({
      phone: '84912000102',
      error: -108,
    });
    await sandbox.control('PUT', '/phones/84912000103/mark', { error: -118 });
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ phone: '84912000102' })))).toBe(-108);
    expect(await json(await sandbox.sendZbs(zbsBody({ phone: '84912000103' })))).toEqual({ error: -118, message: expect.any(String) });
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ phone: '84912000101' })))).toBe(0);
    expect(await json(await sandbox.control('GET', '/restrictions'))).toEqual({
      phoneMarks: [
        { phone: '84912000102', error: -108 },
        { phone: '84912000103', error: -118 },
      ],
      unapprovedTemplates: [],
    });

    expect((await sandbox.control('DELETE', '/phones/84912000103/mark')).status).toBe(204);
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ phone: '84912000103', tracking_id: 'after-unmark' })))).toBe(0);
    expect((await sandbox.control('PUT', '/phones/84912000103/mark', { error: -131 })).status).toBe(400);
  });

  it('-131 for a template the control API unapproves; approving it again sends', async () => {
    expect(await json(await sandbox.control('PUT', '/templates/2002', { approved: false }))).toEqual({ templateId: '2002', approved: false });
    expect(await json(await sandbox.sendZbs())).toEqual({ error: -131, message: expect.any(String) });
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ template_id: '2003' })))).toBe(0);
    await sandbox.control('PUT', '/templates/2002', { approved: true });
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'approved-again' })))).toBe(0);
  });

  it('-133 outside 06:00–22:00 Asia/Ho_Chi_Minh: 21:59 yes, 22:00 no, 05:59 no, 06:00 yes', async () => {
    const at = async (iso: string, trackingId: string) => {
      sandbox.setTime(iso);
      return zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: trackingId })));
    };
    expect(await at('2026-03-03T21:59:59+07:00', 'a')).toBe(0);
    expect(await at('2026-03-03T22:00:00+07:00', 'b')).toBe(-133);
    expect(await at('2026-03-04T05:59:59+07:00', 'c')).toBe(-133);
    expect(await at('2026-03-04T06:00:00+07:00', 'd')).toBe(0);
    // Refused sends take nothing from the quota: one of each day's 500 was used.
    expect((await json(await sandbox.control('GET', '/quota'))).remainingQuota).toBe(499);
    expect((await sandbox.messages()).map((message) => message.trackingId)).toEqual(['a', 'd']);
  });

  it('sends at any hour with sendingHours 0–24 (an end-to-end run on the real clock at night)', async () => {
    await sandbox.close();
    sandbox = await startNotifySandbox({ sendingHours: { from: 0, until: 24 } });
    sandbox.setTime('2026-03-03T23:30:00+07:00');
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'late' })))).toBe(0);
    sandbox.setTime('2026-03-04T03:00:00+07:00');
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'night' })))).toBe(0);
  });

  it('-144 once the daily quota is used up (remainingQuota 0 on the last one), full again from local midnight', async () => {
    const set = await sandbox.control('PUT', '/quota', { dailyQuota: 2 });
    expect(await json(set)).toMatchObject({ dailyQuota: 2, remainingQuota: 2 });

    expect((await json(await sandbox.sendZbs(zbsBody({ tracking_id: '1' })))).data.quota).toEqual({ dailyQuota: '2', remainingQuota: '1' });
    expect((await json(await sandbox.sendZbs(zbsBody({ tracking_id: '2' })))).data.quota).toEqual({ dailyQuota: '2', remainingQuota: '0' });
    expect(await json(await sandbox.sendZbs(zbsBody({ tracking_id: '3' })))).toEqual({ error: -144, message: expect.any(String) });

    sandbox.setTime('2026-03-03T23:59:59.999+07:00');
    expect(await json(await sandbox.control('GET', '/quota'))).toMatchObject({ day: '2026-03-03', remainingQuota: 0 });
    sandbox.setTime('2026-03-04T00:00:00+07:00');
    expect(await json(await sandbox.control('GET', '/quota'))).toMatchObject({ day: '2026-03-04', remainingQuota: 2 });
    sandbox.setTime('2026-03-04T06:00:00+07:00');
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: '3' })))).toBe(0);
  });

  it('the control API sets today’s remainingQuota alone, and a new dailyQuota keeps what was used today', async () => {
    await sandbox.sendZbs();
    expect(await json(await sandbox.control('PUT', '/quota', { remainingQuota: 0 }))).toMatchObject({ dailyQuota: 500, remainingQuota: 0 });
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'x' })))).toBe(-144);
    expect(await json(await sandbox.control('PUT', '/quota', { dailyQuota: 600 }))).toMatchObject({ dailyQuota: 600, remainingQuota: 100 });
    expect(await json(await sandbox.control('PUT', '/quota', { dailyQuota: 3, remainingQuota: 3 }))).toMatchObject({ dailyQuota: 3, remainingQuota: 3 });
    for (const body of [{}, { remainingQuota: -1 }, { quota: 5 }]) {
      expect((await sandbox.control('PUT', '/quota', body)).status).toBe(400);
    }
  });

  it('sends a repeated tracking_id again (Zalo does not dedupe) and records it as a duplicate', async () => {
    expect(await zaloError(await sandbox.sendZbs())).toBe(0);
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ phone: '84912000102' })))).toBe(0);
    expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: 'another' })))).toBe(0);

    const messages = await sandbox.messages();
    expect(messages.map((message) => [message.phone, message.trackingId, message.duplicateOfTrackingId])).toEqual([
      ['84912000101', zbsBody().tracking_id, false],
      ['84912000102', zbsBody().tracking_id, true],
      ['84912000101', 'another', false],
    ]);
    expect(await sandbox.messages(`?trackingId=${zbsBody().tracking_id}`)).toHaveLength(2);
  });

  it('?after=n lists only the messages received after the first n, and total says where the next call starts', async () => {
    for (const trackingId of ['one', 'two', 'three']) expect(await zaloError(await sandbox.sendZbs(zbsBody({ tracking_id: trackingId })))).toBe(0);
    const all = await json(await sandbox.control('GET', '/messages'));
    expect(all).toMatchObject({ count: 3, total: 3 });
    const newer = await json(await sandbox.control('GET', '/messages?after=1&channel=zbs'));
    expect(newer).toMatchObject({ count: 2, total: 3 });
    expect(newer.messages.map((message: { trackingId: string }) => message.trackingId)).toEqual(['two', 'three']);
    expect(await json(await sandbox.control('GET', '/messages?after=3'))).toEqual({ count: 0, total: 3, messages: [] });
    expect((await sandbox.control('GET', '/messages?after=-1')).status).toBe(400);
  });

  it('reset forgets messages and restores the quota; the OA token pair stays', async () => {
    await sandbox.sendZbs();
    await sandbox.control('PUT', '/templates/2002', { approved: false });
    expect((await sandbox.control('POST', '/reset')).status).toBe(204);
    expect(await sandbox.messages()).toEqual([]);
    expect((await json(await sandbox.control('GET', '/quota'))).remainingQuota).toBe(500);
    expect(await zaloError(await sandbox.sendZbs(zbsBody(), OA_TOKENS.accessToken))).toBe(0);
    // The repeat after a reset is not a duplicate: the record of tracking ids is gone too.
    expect((await sandbox.messages())[0]!.duplicateOfTrackingId).toBe(false);
  });
});
