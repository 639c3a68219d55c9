// A citizen's consents: the history of grants per purpose, and answering a consent request. Withdrawing ends the
// grant and deletes the data held for that purpose in the same transaction.
import type { Db, Queryable } from '../db/db';
import {
  CONSENT_PURPOSES,
  type ConsentGrant,
  type ConsentPurpose,
  type ConsentStatus,
  dataCoveredBy,
  decideConsentChange,
  type PersonalDataItem,
  summarizeConsent,
} from '@lao-cai-so/domain/consent';

/** Where each kind of personal data lives; withdrawing its purpose sets these columns of `citizens` to null. */
const CITIZEN_COLUMNS: Record<PersonalDataItem, readonly string[]> = {
  name: ['name'],
  avatar: ['avatar'],
  phone: ['phone', 'phone_verified_at'],
  // Kept in their own table (below).
  notificationSettings: [],
};

/** Statements deleting what a purpose covers outside `citizens` (parameter $1: the citizen id). */
const OTHER_DATA: Partial<Record<PersonalDataItem, readonly string[]>> = {
  notificationSettings: ['delete from notification_settings where citizen_id = $1'],
  // Without the number there is no phone channel: it stays off even if a number is shared again later.
  phone: ['update notification_settings set phone_enabled = false, updated_at = now() where citizen_id = $1'],
};

interface GrantRow {
  purpose: ConsentPurpose;
  text_version: string;
  granted_at: Date;
  withdrawn_at: Date | null;
}

async function readHistory(db: Queryable, citizenId: string): Promise<Map<ConsentPurpose, ConsentGrant[]>> {
  const { rows } = await db.query<GrantRow>(
    'select purpose, text_version, granted_at, withdrawn_at from consents where citizen_id = $1',
    [citizenId],
  );
  const history = new Map<ConsentPurpose, ConsentGrant[]>(CONSENT_PURPOSES.map((purpose) => [purpose, []]));
  for (const row of rows) {
    history.get(row.purpose)?.push({
      textVersion: row.text_version,
      grantedAt: new Date(row.granted_at),
      withdrawnAt: row.withdrawn_at === null ? null : new Date(row.withdrawn_at),
    });
  }
  return history;
}

export async function listConsents(db: Queryable, citizenId: string): Promise<ConsentStatus[]> {
  const history = await readHistory(db, citizenId);
  return CONSENT_PURPOSES.map((purpose) => summarizeConsent(purpose, history.get(purpose) ?? []));
}

export type ConsentAnswerResult = { ok: true; status: ConsentStatus } | { ok: false; reason: 'outdated-text' };

export async function answerConsent(
  db: Db,
  citizenId: string,
  purpose: ConsentPurpose,
  answer: { granted: boolean; textVersion?: string },
): Promise<ConsentAnswerResult> {
  return db.transaction(async (tx) => {
    // Serialises answers of the same citizen, so two taps cannot record two grants in force.
    await tx.query('select 1 from citizens where id = $1 for update', [citizenId]);
    const history = await readHistory(tx, citizenId);
    const change = decideConsentChange(summarizeConsent(purpose, history.get(purpose) ?? []), answer);
    if (change === 'outdated-text') return { ok: false, reason: 'outdated-text' };

    const endGrantInForce = () =>
      tx.query(
        `update consents set withdrawn_at = now()
         where citizen_id = $1 and purpose = $2 and withdrawn_at is null`,
        [citizenId, purpose],
      );
    const recordGrant = () =>
      tx.query('insert into consents (citizen_id, purpose, text_version) values ($1, $2, $3)', [
        citizenId,
        purpose,
        answer.textVersion,
      ]);

    if (change === 'grant') await recordGrant();
    if (change === 'renew') {
      await endGrantInForce();
      await recordGrant();
    }
    if (change === 'withdraw') {
      await endGrantInForce();
      for (const statement of dataCoveredBy(purpose).flatMap((item) => OTHER_DATA[item] ?? [])) {
        await tx.query(statement, [citizenId]);
      }
      const columns = dataCoveredBy(purpose).flatMap((item) => CITIZEN_COLUMNS[item]);
      if (columns.length > 0) {
        await tx.query(
          `update citizens set ${columns.map((column) => `${column} = null`).join(', ')}, updated_at = now()
           where id = $1`,
          [citizenId],
        );
      }
    }
    const after = await readHistory(tx, citizenId);
    return { ok: true, status: summarizeConsent(purpose, after.get(purpose) ?? []) };
  });
}
