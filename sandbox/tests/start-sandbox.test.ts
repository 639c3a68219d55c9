import { DEFAULT_ZALO_APP_ID, DEFAULT_ZALO_APP_SECRET, sandboxOptionsFromEnv } from '../src/config';
import { startSandbox } from '../src/main';
import { GIANG_THI_MY, getMe, json, login, proofOf } from './support/sandbox-server';

describe('starting the sandbox', () => {
  it('reads its defaults: port 3002 on localhost, the demo app id and secret, the mini app origin', () => {
    expect(sandboxOptionsFromEnv({})).toEqual({
      port: 3002,
      host: 'localhost',
      allowedOrigins: ['http://localhost:3000'],
      zalo: { appId: '1234567890123456789', appSecret: DEFAULT_ZALO_APP_SECRET, accessTokenTtlSeconds: 3600 },
    });
    expect(DEFAULT_ZALO_APP_ID).toBe('1234567890123456789');
  });

  it('reads the environment', () => {
    const options = sandboxOptionsFromEnv({
      SANDBOX_PORT: '4002',
      ZALO_APP_ID: '987',
      ZALO_APP_SECRET: 's3cret',
      ZALO_ACCESS_TOKEN_TTL_SECONDS: '60',
      CORS_ORIGINS: 'http://localhost:5173, http://localhost:3000',
    });
    expect(options).toMatchObject({
      port: 4002,
      allowedOrigins: ['http://localhost:5173', 'http://localhost:3000'],
      zalo: { appId: '987', appSecret: 's3cret', accessTokenTtlSeconds: 60 },
    });
  });

  it('refuses a port or lifetime that is not a positive integer', () => {
    expect(() => sandboxOptionsFromEnv({ SANDBOX_PORT: 'abc' })).toThrow(/SANDBOX_PORT/);
    expect(() => sandboxOptionsFromEnv({ ZALO_ACCESS_TOKEN_TTL_SECONDS: '-5' })).toThrow(/ZALO_ACCESS_TOKEN_TTL_SECONDS/);
  });

  it('listens on localhost and checks proofs against the configured secret', async () => {
    const app = await startSandbox({ port: 0, logger: false, zalo: { appSecret: 'from-options' } });
    try {
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      const baseUrl = `http://localhost:${address.port}`;
      const token = await login(baseUrl, GIANG_THI_MY);

      expect((await json(await getMe(baseUrl, token, { proof: proofOf(token, 'from-options') }))).id).toBe(GIANG_THI_MY);
      expect((await json(await getMe(baseUrl, token, { proof: proofOf(token, DEFAULT_ZALO_APP_SECRET) }))).error).toBe(-124);
    } finally {
      await app.close();
    }
  });
});
