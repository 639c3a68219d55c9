import { GIANG_THI_MY, json } from '../support/sandbox-server';
import { type NotifySandbox, miniAppBody, startNotifySandbox, zaloError, zbsBody } from './notify-support';

const RATE_LIMITED = -32;

describe('per-app send rate limit (sendRatePerSecond, ZALO_SEND_RATE_PER_SECOND)', () => {
  let sandbox: NotifySandbox;
  afterEach(() => sandbox.close());

  const sendZbs = (n: number) => sandbox.sendZbs(zbsBody({ tracking_id: `rate-${n}` }));

  it('lets a second\'s worth through, answers -32 without sending the rest, and refills on the sandbox clock', async () => {
    sandbox = await startNotifySandbox({ sendRatePerSecond: 3 });
    const codes = [];
    for (let n = 0; n < 5; n += 1) codes.push(await zaloError(await sendZbs(n)));
    expect(codes).toEqual([0, 0, 0, RATE_LIMITED, RATE_LIMITED]);
    expect((await sandbox.messages('?channel=zbs')).map((m) => m.trackingId)).toEqual(['rate-0', 'rate-1', 'rate-2']);
    // A refused request takes nothing off the daily quota.
    expect((await json(await sandbox.control('GET', '/quota'))).remainingQuota).toBe(497);

    // A third of a second later one more fits (3 a second), then none again.
    sandbox.clock.advance(334);
    expect(await zaloError(await sendZbs(5))).toBe(0);
    expect(await zaloError(await sendZbs(6))).toBe(RATE_LIMITED);
    // After a quiet spell at most one second's worth is saved up.
    sandbox.clock.advance(60_000);
    const burst = [];
    for (let n = 7; n < 11; n += 1) burst.push(await zaloError(await sendZbs(n)));
    expect(burst).toEqual([0, 0, 0, RATE_LIMITED]);
    expect(await json(await sandbox.control('GET', '/send-rate'))).toEqual({
      limitPerSecond: 3,
      channels: { 'mini-app': { allowed: 0, refused: 0 }, zbs: { allowed: 7, refused: 4 } },
    });
  });

  it('counts each channel on its own: mini app notifications are limited apart from template messages', async () => {
    sandbox = await startNotifySandbox({ sendRatePerSecond: 1 });
    await sandbox.optIn(GIANG_THI_MY);
    expect(await zaloError(await sendZbs(0))).toBe(0);
    expect(await zaloError(await sendZbs(1))).toBe(RATE_LIMITED);
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY))).toBe(0);
    // A second later the rate lets one through, and Zalo's other checks answer it (one a user a day); the next is over the rate.
    sandbox.clock.advance(1000);
    expect(await zaloError(await sandbox.sendMiniApp(GIANG_THI_MY, miniAppBody()))).toBe(-144);
    const refused = await json(await sandbox.sendMiniApp(GIANG_THI_MY));
    expect(refused).toEqual({ error: RATE_LIMITED, message: expect.stringMatching(/rate/) });
    expect(await sandbox.messages('?channel=mini-app')).toHaveLength(1);
  });

  it('has no limit unless configured; the control API sets one, and a reset restores the configured one', async () => {
    sandbox = await startNotifySandbox();
    for (let n = 0; n < 30; n += 1) expect(await zaloError(await sendZbs(n))).toBe(0);
    expect(await json(await sandbox.control('PUT', '/send-rate', { limitPerSecond: 2, resetCounts: true }))).toEqual({
      limitPerSecond: 2,
      channels: { 'mini-app': { allowed: 0, refused: 0 }, zbs: { allowed: 0, refused: 0 } },
    });
    expect([await zaloError(await sendZbs(30)), await zaloError(await sendZbs(31)), await zaloError(await sendZbs(32))]).toEqual([0, 0, RATE_LIMITED]);
    expect((await sandbox.control('PUT', '/send-rate', { limitPerSecond: -1 })).status).toBe(400);
    expect((await sandbox.control('POST', '/reset')).status).toBe(204);
    expect(await json(await sandbox.control('GET', '/send-rate'))).toMatchObject({ limitPerSecond: null, channels: { zbs: { allowed: 0, refused: 0 } } });
    expect(await zaloError(await sendZbs(33))).toBe(0);
  });

  it('comes before injected faults: a faulted request was received by Zalo and takes its share of the rate', async () => {
    sandbox = await startNotifySandbox({ sendRatePerSecond: 1 });
    await sandbox.control('POST', '/faults', { channel: 'zbs', error: -100, times: 2 });
    expect(await zaloError(await sendZbs(0))).toBe(-100);
    // Over the rate: -32, and the fault is left for the next request that gets through.
    expect(await zaloError(await sendZbs(1))).toBe(RATE_LIMITED);
    sandbox.clock.advance(1000);
    expect(await zaloError(await sendZbs(2))).toBe(-100);
    sandbox.clock.advance(1000);
    expect(await zaloError(await sendZbs(3))).toBe(0);
    expect((await json(await sandbox.control('GET', '/send-rate'))).channels.zbs).toEqual({ allowed: 3, refused: 1 });
  });
});
