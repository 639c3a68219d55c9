// Helpers of the notification tests: a citizen's consents and channels through the API, the notification rows and
// the send jobs as stored.
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config';
import type { Queryable } from '../../src/db/db';
import { CONSENT_TEXTS } from '@lao-cai-so/domain/consent';
import type { TestCitizen } from './citizens';

export const OPERATOR_KEY = 'test-operator-key-0123456789abcdef';

export async function grantConsent(app: FastifyInstance, citizen: TestCitizen, purpose: 'notifications' | 'phone' | 'profile') {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/me/consents/${purpose}`,
    headers: citizen.auth,
    payload: { granted: true, textVersion: CONSENT_TEXTS[purpose].version },
  });
  if (res.statusCode !== 200) throw new Error(`consent answered ${res.statusCode}`);
}

export async function withdrawConsent(app: FastifyInstance, citizen: TestCitizen, purpose: 'notifications' | 'phone') {
  const res = await app.inject({ method: 'PUT', url: `/api/v1/me/consents/${purpose}`, headers: citizen.auth, payload: { granted: false } });
  if (res.statusCode !== 200) throw new Error(`withdrawal answered ${res.statusCode}`);
}

/**
 * A verified phone as POST /me/phone stores it after Zalo's answer (routes/me.test.ts covers that exchange against the
 * sandbox): the phone consent through the API, the number written as that route writes it.
 */
export async function giveVerifiedPhone(app: FastifyInstance, db: Queryable, citizen: TestCitizen, phone: string) {
  await grantConsent(app, citizen, 'phone');
  await db.query('update citizens set phone = $2, phone_verified_at = now() where id = $1', [citizen.id, phone]);
}

export function putSettings(app: FastifyInstance, citizen: TestCitizen, payload: { miniApp?: boolean; phone?: boolean }) {
  return app.inject({ method: 'PUT', url: '/api/v1/me/notification-settings', headers: citizen.auth, payload });
}

/** Consents and channels on: notifications (and the phone channel when a phone is given). */
export async function optIn(
  app: FastifyInstance,
  db: Queryable,
  citizen: TestCitizen,
  channels: { miniApp?: boolean; phone?: string },
): Promise<void> {
  await grantConsent(app, citizen, 'notifications');
  if (channels.phone) await giveVerifiedPhone(app, db, citizen, channels.phone);
  const res = await putSettings(app, citizen, { miniApp: channels.miniApp ?? false, phone: channels.phone !== undefined });
  if (res.statusCode !== 200) throw new Error(`settings answered ${res.statusCode}: ${res.body}`);
}

export interface NotificationRow {
  id: string;
  application_id: string;
  event_id: string;
  channel: string;
  kind: string;
  status: number;
  state: string;
  attempts: number;
  next_attempt_at: Date | null;
  provider_msg_id: string | null;
  error_code: string | null;
  title: string;
  body: string;
}

export async function notificationRows(db: Queryable, applicationId?: string): Promise<NotificationRow[]> {
  const { rows } = await db.query<NotificationRow>(
    `select id, application_id, event_id, channel, kind, status, state, attempts, next_attempt_at, provider_msg_id,
       error_code, title, body
     from notifications ${applicationId ? 'where application_id = $1' : ''}
     order by created_at, channel`,
    applicationId ? [applicationId] : [],
  );
  return rows;
}

/** The pg-boss jobs asking to send these notifications (any state). */
export async function sendJobs(db: Queryable, config: Config, notificationIds: string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from ${config.jobs.schema}.job where name = 'send-notification' and data->>'notificationId' = any ($1::text[])`,
    [notificationIds],
  );
  return rows[0].n;
}

/** The states a notification went through, oldest first (notification_state_changes). */
export async function stateHistory(db: Queryable, notificationId: string): Promise<string[]> {
  const { rows } = await db.query<{ state: string }>(
    'select state from notification_state_changes where notification_id = $1 order by id',
    [notificationId],
  );
  return rows.map((row) => row.state);
}
