// Receiving one status webhook (already verified): the event is recorded and applied to the application's status
// mirror in ONE transaction (services/status-sync.ts), so a crash leaves either both or neither, and a repeat of the
// same eventId finds it recorded and changes nothing.
import type { StatusWebhook } from '../clients/one-stop-wire';
import type { Db } from '../db/db';
import { isUuid } from './applications';
import type { ApplyOutcome } from '@lao-cai-so/domain/status-change';
import { lockMirror, type StatusSync } from './status-sync';

export type WebhookResult =
  /** No application of ours has this dossier (a deleted citizen's, or another environment's): nothing stored. */
  | { kind: 'unknown' }
  | { kind: 'duplicate'; applicationId: string }
  | { kind: 'recorded'; applicationId: string; outcome: Exclude<ApplyOutcome, 'duplicate'> };

export async function receiveStatusWebhook(
  { db, statusSync }: { db: Db; statusSync: StatusSync },
  webhook: StatusWebhook,
  payload: unknown,
  now: Date,
): Promise<WebhookResult> {
  const applicationId = webhook.applicationId;
  if (!applicationId || !isUuid(applicationId)) return { kind: 'unknown' };
  return db.transaction(async (tx): Promise<WebhookResult> => {
    const row = await lockMirror(tx, applicationId);
    if (!row || (row.one_stop_id !== null && row.one_stop_id !== webhook.dossierId)) return { kind: 'unknown' };
    const step = webhook.step ?? { at: webhook.occurredAt, status: webhook.state.status, officer: null, unit: null, note: null };
    const outcome = await statusSync.applyReport(tx, row, {
      eventId: webhook.eventId,
      source: 'webhook',
      action: webhook.action,
      step,
      state: webhook.state,
      dossierId: webhook.dossierId,
      payload,
      // The webhook carries the dossier's whole state: once applied, the mirror is current.
      syncedAt: now,
    });
    if (outcome === 'duplicate') return { kind: 'duplicate', applicationId };
    return { kind: 'recorded', applicationId, outcome };
  });
}
