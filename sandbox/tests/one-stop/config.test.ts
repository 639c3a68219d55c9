import {
  DEFAULT_ONE_STOP_API_TOKEN,
  DEFAULT_ONE_STOP_WEBHOOK_URL,
  sandboxOptionsFromEnv,
} from '../../src/config';
import { startSandbox } from '../../src/main';
import { birthRegistration, json, pushForm } from './one-stop-api';

describe('one-stop configuration', () => {
  it('reads ONE_STOP_API_TOKEN and ONE_STOP_AUTO_ACCEPT; leaves the defaults to the plugin when unset', () => {
    expect(sandboxOptionsFromEnv({}).oneStop).toBeUndefined();
    expect(sandboxOptionsFromEnv({ ONE_STOP_API_TOKEN: 't0ken', ONE_STOP_AUTO_ACCEPT: 'false' }).oneStop).toEqual({
      apiToken: 't0ken',
      autoAccept: false,
    });
    expect(sandboxOptionsFromEnv({ ONE_STOP_AUTO_ACCEPT: '1' }).oneStop).toEqual({ autoAccept: true });
    expect(() => sandboxOptionsFromEnv({ ONE_STOP_AUTO_ACCEPT: 'maybe' })).toThrow(/ONE_STOP_AUTO_ACCEPT/);
  });

  it('reads ONE_STOP_WEBHOOK_URL and ONE_STOP_WEBHOOK_SECRET', () => {
    expect(
      sandboxOptionsFromEnv({
        ONE_STOP_WEBHOOK_URL: 'https://proxy.example.vn/api/v1/webhooks/one-stop',
        ONE_STOP_WEBHOOK_SECRET: 'hook-secret',
      }).oneStop,
    ).toEqual({ webhookUrl: 'https://proxy.example.vn/api/v1/webhooks/one-stop', webhookSecret: 'hook-secret' });
    expect(() => sandboxOptionsFromEnv({ ONE_STOP_WEBHOOK_URL: 'localhost:3001/hook' })).toThrow(/ONE_STOP_WEBHOOK_URL/);
    expect(() => sandboxOptionsFromEnv({ ONE_STOP_WEBHOOK_URL: 'ftp://proxy/hook' })).toThrow(/ONE_STOP_WEBHOOK_URL/);
  });

  it('startSandbox serves the one-stop API with the demo token and auto-acceptance by default', async () => {
    // Webhooks dropped: a proxy may be running on this machine, and this test must not post into it.
    const app = await startSandbox({ port: 0, host: '127.0.0.1', logger: false, oneStop: { dropWebhooks: true } });
    try {
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('not listening on TCP');
      const baseUrl = `http://127.0.0.1:${address.port}`;
      const response = await fetch(`${baseUrl}/one-stop/api/dossiers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${DEFAULT_ONE_STOP_API_TOKEN}` },
        body: pushForm(birthRegistration('app-start'), []),
      });
      expect(response.status).toBe(201);
      expect(await json(response)).toMatchObject({ TrangThaiHoSo: 2, MaHoSo: expect.stringMatching(/^04465-\d{6}-0001$/) });
      expect(await json(await fetch(`${baseUrl}/sandbox/control/one-stop/settings`))).toEqual({
        autoAccept: true,
        dropWebhooks: true,
      });
      // The acceptance was meant for the demo proxy's receiver.
      const webhooks = await json(await fetch(`${baseUrl}/sandbox/control/one-stop/webhooks`));
      expect(webhooks).toMatchObject({
        url: DEFAULT_ONE_STOP_WEBHOOK_URL,
        deliveries: [{ action: 'accept', MaHoSoLienThong: 'app-start', TrangThaiHoSo: 2, status: 'dropped', attempts: [] }],
      });
      expect(DEFAULT_ONE_STOP_WEBHOOK_URL).toBe('http://localhost:3001/api/v1/webhooks/one-stop');
    } finally {
      await app.close();
    }
  });
});
