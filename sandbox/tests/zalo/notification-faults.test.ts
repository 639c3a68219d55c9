import { GIANG_THI_MY, TAN_LAO_SAN, type Json, getMe, json, login } from '../support/sandbox-server';
import { type NotifySandbox, startNotifySandbox, zbsBody } from './notify-support';

describe('faults on notification sends (/sandbox/control/zalo/faults)', () => {
  let sandbox: NotifySandbox;
  beforeEach(async () => {
    sandbox = await startNotifySandbox();
  });
  afterEach(() => sandbox.close());

  const addFault = async (fault: Json) => {
    const response = await sandbox.control('POST', '/faults', fault);
    expect(response.status).toBe(201);
    return json(response);
  };
  const zbsOutcome = async (trackingId: string): Promise<number | string> => {
    const response = await sandbox.sendZbs(zbsBody({ tracking_id: trackingId }));
    return response.status === 200 ? ((await json(response)).error as number) : `HTTP ${response.status}`;
  };

  it('by count: the next N sends of a channel answer the code (mode may be left out), then sends go through', async () => {
    const fault = await addFault({ channel: 'zbs', error: -32, times: 2 });
    expect(fault).toMatchObject({ mode: 'error', channel: 'zbs', error: -32, remaining: 2, id: expect.any(String) });

    expect(await json(await sandbox.sendZbs(zbsBody({ tracking_id: 'a' })))).toEqual({ error: -32, message: 'Exceeded rate limit' });
    expect(await zbsOutcome('b')).toBe(-32);
    expect(await zbsOutcome('c')).toBe(0);
    // Faulted sends reached no phone and used no quota.
    expect((await sandbox.messages()).map((message) => message.trackingId)).toEqual(['c']);
    expect((await json(await sandbox.control('GET', '/quota'))).remainingQuota).toBe(499);
    expect((await json(await sandbox.control('GET', '/faults'))).faults).toEqual([]);
  });

  it('by rate with a seed: a repeatable mix of failures and successes (the bench’s 20%)', async () => {
    const outcomes = async (target: NotifySandbox) => {
      const results: Array<number | string> = [];
      for (let index = 0; index < 40; index += 1) {
        const response = await target.sendZbs(zbsBody({ tracking_id: `n-${index}` }));
        results.push((await json(response)).error as number);
      }
      return results;
    };
    await addFault({ channel: 'zbs', error: -32, rate: 0.2, seed: 42 });
    const first = await outcomes(sandbox);
    const failures = first.filter((outcome) => outcome === -32).length;
    expect(failures).toBeGreaterThan(0);
    expect(failures).toBeLessThan(40);
    expect(first.every((outcome) => outcome === 0 || outcome === -32)).toBe(true);
    expect(await sandbox.messages()).toHaveLength(40 - failures);

    // The same seed in another sandbox gives the same sequence; another seed another one.
    const again = await startNotifySandbox();
    const other = await startNotifySandbox();
    try {
      await again.control('POST', '/faults', { channel: 'zbs', error: -32, rate: 0.2, seed: 42 });
      await other.control('POST', '/faults', { channel: 'zbs', error: -32, rate: 0.2, seed: 7 });
      expect(await outcomes(again)).toEqual(first);
      expect(await outcomes(other)).not.toEqual(first);
    } finally {
      await again.close();
      await other.close();
    }
  });

  it('rate 0 never applies, rate 1 always does (without a seed, Math.random)', async () => {
    await addFault({ channel: 'zbs', error: -100, rate: 0 });
    expect(await zbsOutcome('a')).toBe(0);
    await sandbox.control('DELETE', '/faults');
    await addFault({ channel: 'zbs', error: -100, rate: 1 });
    expect(await zbsOutcome('b')).toBe(-100);
    expect(await zbsOutcome('c')).toBe(-100);
  });

  it('by rate and count together: the count goes down only when the fault applied', async () => {
    await addFault({ channel: 'zbs', error: -32, rate: 0.5, seed: 3, times: 2 });
    const results: Array<number | string> = [];
    for (let index = 0; index < 30; index += 1) results.push(await zbsOutcome(`r-${index}`));
    expect(results.filter((outcome) => outcome === -32)).toHaveLength(2);
  });

  it('HTTP 503 and 429 with an HTML body, and down: the connection closes without an answer', async () => {
    await addFault({ channel: 'zbs', mode: 'http-503', times: 1 });
    await addFault({ channel: 'zbs', mode: 'http-429', times: 1 });
    await addFault({ channel: 'zbs', mode: 'http-error', status: 502, times: 1 });
    for (const status of [503, 429, 502]) {
      const response = await sandbox.sendZbs();
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }
    await addFault({ channel: 'zbs', mode: 'down', times: 1 });
    await expect(sandbox.sendZbs()).rejects.toThrow();
    expect(await zbsOutcome('after')).toBe(0);
    expect(await sandbox.messages()).toHaveLength(1);
  });

  it('a channel’s faults leave the other channel and the Graph API alone', async () => {
    await addFault({ channel: 'mini-app', mode: 'down' });
    await sandbox.optIn(GIANG_THI_MY);
    await expect(sandbox.sendMiniApp(GIANG_THI_MY)).rejects.toThrow();
    expect(await zbsOutcome('zbs')).toBe(0);
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    expect((await json(await getMe(sandbox.baseUrl, token))).id).toBe(GIANG_THI_MY);
  });

  it('for one user: any code for that citizen’s mini app notifications only', async () => {
    await addFault({ channel: 'mini-app', userId: TAN_LAO_SAN, error: -141 });
    await sandbox.optIn(GIANG_THI_MY);
    await sandbox.optIn(TAN_LAO_SAN);
    expect((await json(await sandbox.sendMiniApp(TAN_LAO_SAN))).error).toBe(-141);
    expect((await json(await sandbox.sendMiniApp(GIANG_THI_MY))).error).toBe(0);
  });

  it('for one phone: any code for template messages to that phone only', async () => {
    await addFault({ phone: '84912000102', error: -118 });
    expect((await json(await sandbox.sendZbs(zbsBody({ phone: '84912000102' })))).error).toBe(-118);
    expect((await json(await sandbox.sendZbs(zbsBody({ phone: '84912000101' })))).error).toBe(0);
  });

  it('a fault without channel or path applies to every Zalo server API, sends included', async () => {
    await addFault({ mode: 'error', error: -100, times: 2 });
    expect(await zbsOutcome('a')).toBe(-100);
    const token = await login(sandbox.baseUrl, GIANG_THI_MY);
    expect((await json(await getMe(sandbox.baseUrl, token))).error).toBe(-100);
    expect(await zbsOutcome('b')).toBe(0);
  });

  it('a fault by path reaches the OA token endpoint', async () => {
    await addFault({ path: '/v4/oa/access_token', mode: 'http-503', times: 1 });
    expect((await sandbox.refresh('test-oa-refresh-token')).status).toBe(503);
    expect((await json(await sandbox.refresh('test-oa-refresh-token'))).access_token).toEqual(expect.any(String));
  });

  it.each([
    [{ channel: 'sms', error: -32 }],
    [{ channel: 'zbs', error: -32, rate: 1.5 }],
    [{ channel: 'zbs', error: -32, rate: -0.1 }],
    [{ channel: 'zbs', error: -32, seed: 1.5 }],
    [{ channel: 'zbs' }],
    [{ channel: 'zbs', error: -32, colour: 'red' }],
    [{ channel: 'zbs', mode: 'down', times: 0 }],
  ])('refuses an invalid fault %j with 400 VALIDATION_ERROR', async (fault) => {
    const response = await sandbox.control('POST', '/faults', fault);
    expect(response.status).toBe(400);
    expect((await json(response)).code).toBe('VALIDATION_ERROR');
  });
});
