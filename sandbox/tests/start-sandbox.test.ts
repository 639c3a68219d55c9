import {
  DEFAULT_ZALO_APP_ID,
  DEFAULT_ZALO_APP_SECRET,
  DEFAULT_ZALO_MINI_APP_API_KEY,
  DEFAULT_ZALO_OA_ID,
  DEFAULT_ZALO_OA_TOKENS,
  DEFAULT_ZALO_SEND_RATE_PER_SECOND,
  DEFAULT_ZALO_WEBHOOK_SECRET,
  DEFAULT_ZALO_WEBHOOK_URL,
  sandboxOptionsFromEnv,
} from '../src/config';
import { startSandbox } from '../src/main';
import { GIANG_THI_MY, getMe, json, login, postJson, proofOf, startTestSandbox } from './support/sandbox-server';

describe('starting the sandbox', () => {
  it('reads its defaults: port 3002 on localhost, the demo app id and secret, the mini app origin', () => {
    expect(sandboxOptionsFromEnv({})).toEqual({
      port: 3002,
      host: 'localhost',
      allowedOrigins: ['http://localhost:3000'],
      zalo: {
        appId: '1234567890123456789',
        appSecret: DEFAULT_ZALO_APP_SECRET,
        accessTokenTtlSeconds: 3600,
        sendRatePerSecond: DEFAULT_ZALO_SEND_RATE_PER_SECOND,
      },
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

  it('exports the demo notification constants the proxy mirrors', () => {
    expect(DEFAULT_ZALO_MINI_APP_API_KEY).toBe('sandbox-mini-app-api-key-not-for-production');
    expect(DEFAULT_ZALO_OA_ID).toBe('4318652000000000001');
    expect(DEFAULT_ZALO_WEBHOOK_SECRET).toBe('sandbox-zalo-webhook-secret-not-for-production');
    expect(DEFAULT_ZALO_OA_TOKENS).toEqual({
      accessToken: 'sandbox-oa-access-token-initial',
      refreshToken: 'sandbox-oa-refresh-token-initial',
    });
    expect(DEFAULT_ZALO_WEBHOOK_URL).toBe('http://localhost:3001/api/v1/webhooks/zalo');
  });

  it('reads the notification settings from the same variables as the proxy', () => {
    const options = sandboxOptionsFromEnv({
      ZALO_OA_ACCESS_TOKEN: 'run-access',
      ZALO_OA_REFRESH_TOKEN: 'run-refresh',
      ZALO_WEBHOOK_URL: 'http://localhost:4001/api/v1/webhooks/zalo',
      ZALO_WEBHOOK_SECRET: 'hook-secret',
      ZALO_WEBHOOK_SIGNING_ID: '4318652000000000001',
      ZALO_MINI_APP_API_KEY: 'mini-key',
      ZALO_OA_ID: '77',
      ZALO_ZBS_DAILY_QUOTA: '0',
      ZALO_MINI_APP_DAILY_LIMIT: '5',
      ZALO_SENDING_HOURS: '0-24',
      ZALO_SEND_RATE_PER_SECOND: '12.5',
    });
    expect(sandboxOptionsFromEnv({ ZALO_SEND_RATE_PER_SECOND: 'none' }).zalo?.sendRatePerSecond).toBeNull();
    expect(sandboxOptionsFromEnv({ ZALO_SEND_RATE_PER_SECOND: '0' }).zalo?.sendRatePerSecond).toBeNull();
    expect(options.zalo).toMatchObject({
      sendRatePerSecond: 12.5,
      oaTokens: { accessToken: 'run-access', refreshToken: 'run-refresh' },
      zaloWebhookUrl: 'http://localhost:4001/api/v1/webhooks/zalo',
      zaloWebhookSecret: 'hook-secret',
      webhookSigningId: '4318652000000000001',
      miniAppApiKey: 'mini-key',
      oaId: '77',
      dailyQuota: 0,
      miniAppDailyLimit: 5,
      sendingHours: { from: 0, until: 24 },
    });
  });

  it('refuses half a token pair, a webhook URL that is not http(s), a negative quota and sending hours out of order', () => {
    expect(() => sandboxOptionsFromEnv({ ZALO_OA_ACCESS_TOKEN: 'only-access' })).toThrow(/ZALO_OA_REFRESH_TOKEN/);
    expect(() => sandboxOptionsFromEnv({ ZALO_WEBHOOK_URL: 'ftp://proxy' })).toThrow(/ZALO_WEBHOOK_URL/);
    expect(() => sandboxOptionsFromEnv({ ZALO_ZBS_DAILY_QUOTA: '-1' })).toThrow(/ZALO_ZBS_DAILY_QUOTA/);
    expect(() => sandboxOptionsFromEnv({ ZALO_SEND_RATE_PER_SECOND: 'fast' })).toThrow(/ZALO_SEND_RATE_PER_SECOND/);
    for (const hours of ['22-6', '6-25', 'always']) {
      expect(() => sandboxOptionsFromEnv({ ZALO_SENDING_HOURS: hours })).toThrow(/ZALO_SENDING_HOURS/);
    }
  });

  it('buildSandbox accepts the initial demo OA pair and sends no delivery webhooks', async () => {
    const sandbox = await startTestSandbox(); // buildSandbox with only the clock and the app secret set
    try {
      const sent = await postJson(
        `${sandbox.baseUrl}/message/template`,
        { phone: '84912000101', template_id: '1', template_data: {}, tracking_id: 't-1' },
        { access_token: DEFAULT_ZALO_OA_TOKENS.accessToken },
      );
      expect(await json(sent)).toMatchObject({ error: 0 });
      expect(await json(await fetch(`${sandbox.baseUrl}/sandbox/control/zalo/webhooks?settle=true`))).toMatchObject({
        url: null,
        deliveries: [{ status: 'not-configured' }],
      });
    } finally {
      await sandbox.close();
    }
  });

  it('startSandbox takes the run’s OA pair and sends delivery webhooks to the demo proxy by default', async () => {
    const oaTokens = { accessToken: 'run-access-token', refreshToken: 'run-refresh-token' };
    const app = await startSandbox({ port: 0, logger: false, zalo: { oaTokens } });
    try {
      const address = app.server.address();
      if (address === null || typeof address === 'string') throw new Error('no TCP address');
      const baseUrl = `http://localhost:${address.port}`;
      const webhooks = await json(await fetch(`${baseUrl}/sandbox/control/zalo/webhooks`));
      expect(webhooks.url).toBe(process.env.ZALO_WEBHOOK_URL || DEFAULT_ZALO_WEBHOOK_URL);

      const refused = await postJson(`${baseUrl}/message/template`, {}, { access_token: DEFAULT_ZALO_OA_TOKENS.accessToken });
      expect((await json(refused)).error).toBe(-124);
      const pair = await json(
        await fetch(`${baseUrl}/v4/oa/access_token`, {
          method: 'POST',
          headers: { secret_key: process.env.ZALO_APP_SECRET || DEFAULT_ZALO_APP_SECRET },
          body: new URLSearchParams({
            app_id: process.env.ZALO_APP_ID || DEFAULT_ZALO_APP_ID,
            grant_type: 'refresh_token',
            refresh_token: oaTokens.refreshToken,
          }),
        }),
      );
      expect(pair).toMatchObject({ access_token: expect.any(String), expires_in: '90000' });
    } finally {
      await app.close();
    }
  });
});
