import { type OneStopSandbox, birthRegistration, json, startOneStopSandbox } from './one-stop-api';

describe('one-stop faults (/sandbox/control/one-stop/faults)', () => {
  let sandbox: OneStopSandbox;
  beforeEach(async () => {
    sandbox = await startOneStopSandbox();
  });
  afterEach(() => sandbox.close());

  const addFault = async (fault: Record<string, unknown>) => {
    const response = await sandbox.control('POST', '/faults', fault);
    expect(response.status).toBe(201);
    return json(response);
  };

  it('down: 503 with a gateway page for every operation, nothing stored, until cleared', async () => {
    await addFault({ mode: 'down' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await sandbox.push(birthRegistration('app-down'));
      expect(response.status).toBe(503);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
    }
    expect((await sandbox.get('/one-stop/api/dossiers?MaDonVi=04465')).status).toBe(503);
    expect(await sandbox.receivedCount()).toBe(0);

    expect((await sandbox.control('DELETE', '/faults')).status).toBe(204);
    expect((await sandbox.push(birthRegistration('app-down'))).status).toBe(201);
    expect(await sandbox.receivedCount()).toBe(1);
  });

  it('down applies before authentication, as a failing gateway would', async () => {
    await addFault({ mode: 'down' });
    expect((await sandbox.push(birthRegistration('app-x'), [], {})).status).toBe(503);
  });

  it('connection-reset: the connection closes without an answer and nothing is stored', async () => {
    await addFault({ mode: 'connection-reset', times: 1 });
    await expect(sandbox.push(birthRegistration('app-reset'))).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(await sandbox.receivedCount()).toBe(0);
    expect((await sandbox.push(birthRegistration('app-reset'))).status).toBe(201);
  });

  it('http-error with times: fails N times, then works (a proxy retrying with one key gets one dossier)', async () => {
    await addFault({ mode: 'http-error', status: 502, times: 2, operation: 'push' });
    expect((await json(await sandbox.control('GET', '/faults'))).faults).toEqual([
      expect.objectContaining({ mode: 'http-error', status: 502, times: 2, remaining: 2, operation: 'push' }),
    ]);

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await sandbox.push(birthRegistration('app-retry'))).status);
    }
    expect(statuses).toEqual([502, 502, 201, 200]);
    expect(await sandbox.receivedCount()).toBe(1);
    expect((await json(await sandbox.control('GET', '/faults'))).faults).toEqual([]);
  });

  it('a fault for one operation leaves the others alone', async () => {
    const dossier = await json(await sandbox.push(birthRegistration('app-op')));
    await addFault({ mode: 'down', operation: 'push' });
    expect((await sandbox.get(`/one-stop/api/dossiers/${dossier.Id}`)).status).toBe(200);
    expect((await sandbox.push(birthRegistration('app-op-2'))).status).toBe(503);
  });

  it('drop-response: the dossier is stored but the answer is lost; the retry with the same key finds it', async () => {
    await addFault({ mode: 'drop-response', operation: 'push', times: 1 });
    await expect(sandbox.push(birthRegistration('app-dropped'))).rejects.toMatchObject({ name: 'TypeError', message: 'fetch failed' });
    expect(await sandbox.receivedCount()).toBe(1);

    const retry = await sandbox.push(birthRegistration('app-dropped'));
    expect(retry.status).toBe(200);
    expect(await json(retry)).toMatchObject({ MaHoSoLienThong: 'app-dropped', TrangThaiHoSo: 2 });
    expect(await sandbox.receivedCount()).toBe(1);
  });

  it('slow: holds the answer for delayMs, then handles the push normally', async () => {
    await addFault({ mode: 'slow', delayMs: 300, times: 1 });
    const started = performance.now();
    const response = await sandbox.push(birthRegistration('app-slow'));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(response.status).toBe(201);
  });

  it('slow: a caller with a shorter timeout gives up, nothing is stored, and the sandbox still closes at once', async () => {
    await addFault({ mode: 'slow', delayMs: 60_000 });
    await expect(
      fetch(`${sandbox.baseUrl}/one-stop/api/dossiers/any`, {
        headers: { authorization: 'Bearer test-one-stop-token' },
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(await sandbox.receivedCount()).toBe(0);
  });

  it('refuses malformed faults', async () => {
    for (const fault of [{ mode: 'explode' }, { mode: 'slow' }, { mode: 'http-error' }, { mode: 'down', operation: 'delete' }]) {
      const response = await sandbox.control('POST', '/faults', fault);
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
  });
});
