// The proxy with its worker and the sandbox (fake Zalo platform and simulated one-stop system) wired both ways over
// real HTTP, as in the demo: the proxy sends Zalo notifications to the sandbox and forwards dossiers to it; the sandbox
// posts one-stop status webhooks and Zalo delivery receipts back to the proxy listening on a port. The worker and the
// sandbox share one clock the test moves (quiet hours, the next day, leases); the sandbox signs its one-stop webhooks
// with it too, so the API's 5-minute signature window holds.
import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { buildSandbox } from '../../../sandbox/src/app';
import { loadDefaultCatalogue } from '../../../sandbox/src/one-stop/catalogue';
import { DEMO_CITIZENS } from '../../../sandbox/src/zalo/demo-citizens';
import { zaloNotificationClientFor } from '../../src/clients/zalo-notification-client';
import type { Config } from '../../src/config';
import type { Db } from '../../src/db/db';
import { createNotificationDelivery, type NotifyOutcome } from '../../src/services/notification-delivery/notification-delivery';
import { fromVietnamLocal, toVietnamLocal } from '@lao-cai-so/domain/working-days';
import { type RunningWorker, startWorker } from '../../src/worker';
import { buildIntakeCatalog, type IntakeFixture, insertIntakeCatalog, submit, validBody } from './applications';
import type { TestCitizen } from './citizens';
import { grantConsent, OPERATOR_KEY, putSettings } from './notifications';
import { eventually, freePort } from './one-stop-sandbox';
import { createTestApp, type TestApp } from './test-app';

export { DEMO_CITIZENS };
export type DemoCitizen = (typeof DEMO_CITIZENS)[number];

export const STACK_APP_SECRET = 'notify-tests-zalo-app-secret';
export const STACK_ONE_STOP_TOKEN = 'notify-tests-one-stop-token';
export const STACK_ONE_STOP_WEBHOOK_SECRET = 'notify-tests-one-stop-webhook-secret';
export const STACK_ZALO_WEBHOOK_SECRET = 'notify-tests-zalo-webhook-secret';
export const STACK_MINI_APP_API_KEY = 'notify-tests-mini-app-api-key';
export const STACK_OA_TOKENS = { accessToken: 'notify-tests-oa-access-0', refreshToken: 'notify-tests-oa-refresh-0' };

/** A clock that only moves forward, starting at or after real time (the API's rows are stamped with real time). */
export class TestClock {
  private offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** Moves forward to the next moment Vietnam's clocks show hh:mm (today, or tomorrow if that has passed). */
  moveTo(hour: number, minute = 0): Date {
    const current = this.now();
    const local = toVietnamLocal(current);
    let target = fromVietnamLocal({ year: local.year, month: local.month, day: local.day, hour, minute, second: 0 });
    if (target.getTime() <= current.getTime()) {
      target = fromVietnamLocal({ year: local.year, month: local.month, day: local.day + 1, hour, minute, second: 0 });
    }
    this.offsetMs += target.getTime() - current.getTime();
    return target;
  }
}

export interface SandboxMessage {
  channel: 'mini-app' | 'zbs';
  msgId: string;
  trackingId: string | null;
  userId: string | null;
  phone: string | null;
  templateId: string;
  data: Record<string, string>;
  receivedAt: string;
  duplicateOfTrackingId: boolean;
}

export interface SignedInCitizen extends TestCitizen {
  demo: DemoCitizen;
  /** The citizen's Zalo access token (sandbox), as zmp-sdk getAccessToken() gives it. */
  accessToken: string;
}

export interface NotifyStack {
  t: TestApp;
  sandbox: FastifyInstance;
  sandboxUrl: string;
  clock: TestClock;
  fixture: IntakeFixture;
  worker: RunningWorker;
  /** The configuration the worker runs with (restartWorker can change it). */
  workerConfig: Config;
  /** Signs a demo citizen in through POST /api/v1/sessions with a sandbox Zalo token. */
  signIn(demo: DemoCitizen): Promise<SignedInCitizen>;
  /**
   * The notifications consent and the chosen channels, as the app does it: Zalo's requestSendNotification (sandbox
   * stand-in) before the mini app channel, the phone shared through Zalo before the phone channel.
   */
  optIn(citizen: SignedInCitizen, channels: { miniApp?: boolean; phone?: boolean }): Promise<void>;
  /** Submits an application and waits until the one-stop system accepted it (status 2). */
  accepted(owner: SignedInCitizen): Promise<{ applicationId: string; dossierId: string }>;
  /** A demo citizen signed in now, opted in to these channels, with an application the one-stop system accepted. */
  subscribedApplication(
    demo: DemoCitizen,
    channels: { miniApp?: boolean; phone?: boolean },
  ): Promise<{ citizen: SignedInCitizen; applicationId: string; dossierId: string }>;
  /** The kinds of the citizen's inbox notifications, newest first (GET /api/v1/notifications). */
  inboxKinds(citizen: SignedInCitizen): Promise<string[]>;
  officer(dossierId: string, action: string, body?: Record<string, unknown>): Promise<void>;
  /** The one-stop webhooks sent so far (after waiting for pending ones). */
  statusWebhooks(): Promise<Array<{ eventId: string; action: string; MaHoSoLienThong: string; body: string | Record<string, unknown> }>>;
  /** Every message the sandbox's Zalo received, oldest first. */
  messages(query?: Record<string, string>): Promise<SandboxMessage[]>;
  /** The sandbox's delivery webhooks to the proxy (after waiting for pending ones). */
  receipts(): Promise<Array<{ msgId: string; trackingId: string; status: string; body: string | Record<string, unknown> }>>;
  zalo(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<any>;
  addFault(fault: Record<string, unknown>): Promise<void>;
  /** An application's Zalo notification rows (not the inbox's), as stored. */
  zaloRows(applicationId: string): Promise<NotificationRows>;
  /** Waits until the application has `expected` Zalo rows, every one delivered or failed for good; returns them. */
  settled(applicationId: string, expected: number): Promise<NotificationRows>;
  /** Waits until `check` holds, running the worker's sweep meanwhile (retries and waits fall due by the test clock). */
  until<T>(check: () => Promise<T | undefined>, what: string, timeoutMs?: number): Promise<T>;
  /**
   * Does by hand, at the clock's time, what the worker's sweep and send loops do: a sweep, then a send of each row it
   * found due; resolves when that is done, with what came of each. (The worker's claims and these never send a row
   * twice; stop the worker for a test that must know nobody else sent meanwhile.)
   */
  sweepNow(): Promise<Array<{ notificationId: string; outcome: NotifyOutcome }>>;
  /** Sends one notification by hand now, as its job would; what came of it. */
  sendNow(notificationId: string): Promise<NotifyOutcome>;
  /**
   * Stops the worker and starts another on the same database (what a restart after a crash does); with `config`, that
   * configuration from now on.
   */
  restartWorker(options?: { config?: Config }): Promise<void>;
  close(): Promise<void>;
}

export interface NotifyStackOptions {
  env?: Record<string, string>;
  /** Sandbox Zalo options (e.g. dailyQuota). */
  zalo?: Record<string, unknown>;
  logger?: Logger;
  /** Where the clock starts (Vietnam time); 10:00 by default. */
  startAt?: { hour: number; minute?: number };
}

export async function startNotifyStack(options: NotifyStackOptions = {}): Promise<NotifyStack> {
  const fixture = buildIntakeCatalog();
  const clock = new TestClock();
  clock.moveTo(options.startAt?.hour ?? 10, options.startAt?.minute ?? 0);
  const port = await freePort();
  const proxyUrl = `http://127.0.0.1:${port}`;

  const sandbox = await buildSandbox({
    now: () => clock.now().getTime(),
    zalo: {
      appSecret: STACK_APP_SECRET,
      miniAppApiKey: STACK_MINI_APP_API_KEY,
      oaTokens: STACK_OA_TOKENS,
      zaloWebhookUrl: `${proxyUrl}/api/v1/webhooks/zalo`,
      zaloWebhookSecret: STACK_ZALO_WEBHOOK_SECRET,
      zaloWebhookRetryDelaysMs: [100, 200],
      ...options.zalo,
    },
    oneStop: {
      apiToken: STACK_ONE_STOP_TOKEN,
      autoAccept: true,
      webhookUrl: `${proxyUrl}/api/v1/webhooks/one-stop`,
      webhookSecret: STACK_ONE_STOP_WEBHOOK_SECRET,
      webhookSigningClock: () => clock.now().getTime(),
      webhookRetryDelaysMs: [100, 200],
      catalogue: {
        procedures: [{ code: fixture.procedure.code, name: fixture.procedure.name, workingDays: 1 }],
        units: [fixture.office, fixture.province].map((office) => ({ code: office.code, name: office.name })),
        holidays: loadDefaultCatalogue().holidays,
      },
    },
  });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const address = sandbox.server.address();
  const sandboxUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const t = await createTestApp({
    logger: options.logger,
    now: clock.now,
    env: {
      ZALO_GRAPH_URL: sandboxUrl,
      ZALO_MINI_APP_API_URL: sandboxUrl,
      ZALO_BUSINESS_API_URL: sandboxUrl,
      ZALO_OAUTH_URL: sandboxUrl,
      ZALO_APP_SECRET: STACK_APP_SECRET,
      ZALO_MINI_APP_API_KEY: STACK_MINI_APP_API_KEY,
      ZALO_OA_ACCESS_TOKEN: STACK_OA_TOKENS.accessToken,
      ZALO_OA_REFRESH_TOKEN: STACK_OA_TOKENS.refreshToken,
      ZALO_WEBHOOK_SECRET: STACK_ZALO_WEBHOOK_SECRET,
      ZALO_TIMEOUT_MS: '1500',
      ZALO_RETRIES: '1',
      ONE_STOP_BASE_URL: sandboxUrl,
      ONE_STOP_API_TOKEN: STACK_ONE_STOP_TOKEN,
      ONE_STOP_WEBHOOK_SECRET: STACK_ONE_STOP_WEBHOOK_SECRET,
      OPERATOR_API_KEY: OPERATOR_KEY,
      JOB_POLLING_INTERVAL_SECONDS: '0.5',
      FORWARD_RETRY_DELAY_SECONDS: '1',
      NOTIFY_SWEEP_INTERVAL_SECONDS: '0.2',
      NOTIFY_RETRY_DELAY_SECONDS: '0.1',
      NOTIFY_RETRY_MAX_DELAY_SECONDS: '0.4',
      NOTIFY_RECEIPT_WAIT_SECONDS: '2',
      ...options.env,
    },
  });
  await t.app.listen({ port, host: '127.0.0.1' });
  await insertIntakeCatalog(t.db, fixture);
  const workerLogger = options.logger ?? pino({ level: 'silent' });
  let workerConfig = t.config;
  let worker = await startWorker(workerConfig, { db: t.db, logger: workerLogger, now: clock.now });

  async function call(method: string, url: string, body?: unknown): Promise<any> {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
    return res.status === 204 ? null : res.json();
  }
  const zalo = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    call(method, `${sandboxUrl}/sandbox/control/zalo${path}`, body);

  /** A send-notification handler like the worker's (its configuration, clock and log); what its sweep found due. */
  function byHand() {
    const config = workerConfig;
    const due: string[] = [];
    const handler = createNotificationDelivery({
      db: t.db,
      jobs: { sendNotification: async (_tx, job) => (due.push(job.notificationId), null) },
      client: zaloNotificationClientFor(config),
      config,
      now: clock.now,
      log: workerLogger,
    });
    return { handler, due };
  }

  const stack: NotifyStack = {
    t,
    sandbox,
    sandboxUrl,
    clock,
    fixture,
    get worker() {
      return worker;
    },
    get workerConfig() {
      return workerConfig;
    },
    async signIn(demo) {
      const { accessToken } = await call('POST', `${sandboxUrl}/sandbox/zalo/login`, { userId: demo.id });
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { accessToken } });
      if (res.statusCode !== 201) throw new Error(`sign-in answered ${res.statusCode}: ${res.body}`);
      const { token, citizen } = res.json();
      return { id: citizen.id, auth: { authorization: `Bearer ${token}` }, demo, accessToken };
    },
    async optIn(citizen, channels) {
      await grantConsent(t.app, citizen, 'notifications');
      if (channels.phone) {
        await grantConsent(t.app, citizen, 'phone');
        const { token: phoneToken } = await call('POST', `${sandboxUrl}/sandbox/zalo/phone-token`, { accessToken: citizen.accessToken });
        const shared = await t.app.inject({
          method: 'POST',
          url: '/api/v1/me/phone',
          headers: citizen.auth,
          payload: { phoneToken, accessToken: citizen.accessToken },
        });
        if (shared.statusCode !== 200) throw new Error(`sharing the phone answered ${shared.statusCode}`);
      }
      if (channels.miniApp) await call('POST', `${sandboxUrl}/sandbox/zalo/notifications/allow`, { accessToken: citizen.accessToken });
      const res = await putSettings(t.app, citizen, { miniApp: channels.miniApp ?? false, phone: channels.phone ?? false });
      if (res.statusCode !== 200) throw new Error(`settings answered ${res.statusCode}: ${res.body}`);
    },
    async accepted(owner) {
      const res = await submit(t.app, owner, await validBody(t.app, owner, fixture));
      if (res.statusCode !== 201) throw new Error(`submission answered ${res.statusCode}`);
      const applicationId = res.json().id as string;
      const dossierId = await eventually(
        async () => {
          const { rows } = await t.db.query<{ one_stop_id: string | null; status: number | null }>(
            'select one_stop_id, status from applications where id = $1',
            [applicationId],
          );
          return rows[0]?.status === 2 && rows[0].one_stop_id ? rows[0].one_stop_id : undefined;
        },
        { what: 'acceptance' },
      );
      await call('GET', `${sandboxUrl}/sandbox/control/one-stop/webhooks?settle=true`);
      return { applicationId, dossierId };
    },
    async subscribedApplication(demo, channels) {
      const citizen = await stack.signIn(demo);
      await stack.optIn(citizen, channels);
      return { citizen, ...(await stack.accepted(citizen)) };
    },
    async inboxKinds(citizen) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: citizen.auth });
      return (res.json().items as Array<{ kind: string }>).map((item) => item.kind);
    },
    async officer(dossierId, action, body = {}) {
      await call('POST', `${sandboxUrl}/officer/api/dossiers/${dossierId}/${action}`, body);
      await call('GET', `${sandboxUrl}/sandbox/control/one-stop/webhooks?settle=true`);
    },
    async statusWebhooks() {
      return (await call('GET', `${sandboxUrl}/sandbox/control/one-stop/webhooks?settle=true`)).deliveries;
    },
    async messages(query = {}) {
      const search = new URLSearchParams(query).toString();
      return (await zalo('GET', `/messages${search ? `?${search}` : ''}`)).messages;
    },
    async receipts() {
      return (await zalo('GET', '/webhooks?settle=true')).deliveries;
    },
    zalo,
    async addFault(fault) {
      await zalo('POST', '/faults', fault);
    },
    async until(check, what, timeoutMs = 20_000) {
      return eventually(check, { what, timeoutMs });
    },
    async sweepNow() {
      const { handler, due } = byHand();
      await handler.sweep();
      const outcomes = [];
      for (const notificationId of due) outcomes.push({ notificationId, outcome: await handler.send(notificationId) });
      return outcomes;
    },
    async sendNow(notificationId) {
      return byHand().handler.send(notificationId);
    },
    async zaloRows(applicationId) {
      return (await rowsByChannel(t.db, applicationId)).filter((row) => row.channel !== 'inbox');
    },
    async settled(applicationId, expected) {
      return stack.until(async () => {
        const rows = await stack.zaloRows(applicationId);
        return rows.length === expected && rows.every((row) => SETTLED_STATES.includes(row.state)) ? rows : undefined;
      }, `${expected} settled notification rows`);
    },
    async restartWorker(restart = {}) {
      await worker.close();
      workerConfig = restart.config ?? workerConfig;
      worker = await startWorker(workerConfig, { db: t.db, logger: workerLogger, now: clock.now });
    },
    async close() {
      await worker?.close();
      await t?.app.close();
      await sandbox?.close();
      await t?.close();
    },
  };
  return stack;
}

/** A Zalo notification row's states that do not change any more. */
const SETTLED_STATES = ['delivered', 'permanent-failure', 'technical-failure'];

export type NotificationRows = Awaited<ReturnType<typeof rowsByChannel>>;

/** The notification rows of an application by channel, as stored. */
export async function rowsByChannel(db: Db, applicationId: string) {
  const { rows } = await db.query<{
    id: string;
    channel: string;
    kind: string;
    state: string;
    attempts: number;
    error_code: string | null;
    provider_msg_id: string | null;
    next_attempt_at: Date | null;
    event_id: string;
  }>(
    `select id, channel, kind, state, attempts, error_code, provider_msg_id, next_attempt_at, event_id from notifications
     where application_id = $1 order by created_at, channel`,
    [applicationId],
  );
  return rows;
}
