import { DEFAULT_ONE_STOP_API_TOKEN, sandboxOptionsFromEnv } from '../../src/config';
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

  it('startSandbox serves the one-stop API with the demo token and auto-acceptance by default', async () => {
    const app = await startSandbox({ port: 0, host: '127.0.0.1', logger: false });
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
      expect(await json(await fetch(`${baseUrl}/sandbox/control/one-stop/settings`))).toEqual({ autoAccept: true });
    } finally {
      await app.close();
    }
  });
});
