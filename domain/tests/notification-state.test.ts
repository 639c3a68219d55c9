// One Zalo notification's state machine, every transition, without a database or a network: claim (is it due, a lease
// run out), prepare (channel off, superseded, quiet hours), the channel's precheck (limits: give way or wait), and the
// record of Zalo's answer (accepted, refused, unavailable, outcome unknown).
import {
  afterPrecheck,
  claim,
  CONFIRMED_BY_DAILY_LIMIT,
  type Decision,
  giveWayOrWait,
  type LimitReached,
  type NotificationRowFacts,
  OUTCOME_UNKNOWN,
  prepare,
  record,
  resolveUnknown,
  type SendSettings,
  type SentAttempt,
  type ZaloAnswer,
} from '../src/notification-state';
import { choseChannel, chosenChannels, type ChannelChoiceFacts, DEFAULT_QUIET_HOURS } from '../src/notifications';

const vn = (local: string) => new Date(`${local}+07:00`);
const AT = vn('2025-03-10T10:00:00');
const TOMORROW_SIX = vn('2025-03-11T06:00:00');

const settings: SendSettings = {
  quietHours: DEFAULT_QUIET_HOURS,
  fallback: 'next',
  retry: { limit: 3, delaySeconds: 30, maxDelaySeconds: 1800 },
  receiptWaitSeconds: 120,
  leaseMs: 20_000,
};

const row = (facts: Partial<NotificationRowFacts> = {}): NotificationRowFacts => ({
  channel: 'mini-app',
  state: 'created',
  attempts: 0,
  nextAttemptAt: AT,
  lastAttemptAt: null,
  providerMsgId: null,
  errorCode: null,
  superseded: false,
  ...facts,
});

const chosen = { chosen: true };
/** The whole way from a due row to its claim, the channel saying go. */
const claimNow = (facts: NotificationRowFacts, at = AT) => {
  const due = claim(facts, at, settings);
  if (due.kind !== 'read-recipient') return due;
  const prepared = prepare(facts, chosen, at, settings, due.resend);
  return prepared.kind === 'precheck' ? afterPrecheck(facts, { kind: 'go' }, at, settings, due.resend) : prepared;
};

const sent = (facts: Partial<SentAttempt> = {}): SentAttempt => ({ channel: 'mini-app', attempt: 1, confirmByDailyLimit: false, ...facts });
const sending = { state: 'sending', attempts: 1 };
const answer = (given: ZaloAnswer, attempt: Partial<SentAttempt> = {}, at = AT, random = 1) =>
  record(sent(attempt), { state: 'sending', attempts: attempt.attempt ?? 1 }, given, at, settings, () => random);

function decided(step: { kind: string }): Decision {
  expect(step.kind).toBe('decision');
  return step as Decision;
}

describe('claim: created → sending', () => {
  it('a due row is claimed: attempts + 1 and a lease, no error', () => {
    expect(claimNow(row({ errorCode: 'APP_DAILY_LIMIT' }))).toEqual({
      kind: 'claimed',
      change: { kind: 'claim', state: 'sending', attempt: 1, leaseUntil: new Date(AT.getTime() + 20_000) },
      confirmByDailyLimit: false,
    });
  });

  it('a temporary failure that fell due is claimed again', () => {
    expect(claimNow(row({ state: 'temporary-failure', attempts: 2, errorCode: '-32' }))).toMatchObject({
      kind: 'claimed',
      change: { attempt: 3 },
    });
  });

  it('does nothing with a final row, one Zalo accepted (waiting for its receipt), one not due or leased', () => {
    const nothing = { kind: 'decision', outcome: 'nothing-to-do', change: null, logs: [] };
    for (const state of ['delivered', 'permanent-failure', 'technical-failure'] as const) {
      expect(claim(row({ state }), AT, settings)).toEqual(nothing);
    }
    expect(claim(row({ state: 'sending', providerMsgId: 'msg-1', nextAttemptAt: null }), AT, settings)).toEqual(nothing);
    expect(claim(row({ nextAttemptAt: new Date(AT.getTime() + 1) }), AT, settings)).toEqual(nothing);
    expect(claim(row({ nextAttemptAt: null }), AT, settings)).toEqual(nothing);
    expect(claim(row({ state: 'sending', nextAttemptAt: new Date(AT.getTime() + 5_000) }), AT, settings)).toEqual(nothing);
  });
});

describe('prepare: whether it still goes', () => {
  it('channel off (consent withdrawn, channel turned off, citizen gone): permanent-failure CHANNEL_OFF', () => {
    for (const recipient of [{ chosen: false }, null]) {
      expect(prepare(row(), recipient, AT, settings, false)).toEqual({
        kind: 'decision',
        outcome: 'failed',
        change: { kind: 'move', state: 'permanent-failure', code: 'CHANNEL_OFF', next: null },
        logs: [],
      });
    }
  });

  it('superseded by a newer event of the application: permanent-failure SUPERSEDED; a repeat after an unknown outcome still goes', () => {
    expect(decided(prepare(row({ superseded: true }), chosen, AT, settings, false))).toMatchObject({
      outcome: 'superseded',
      change: { kind: 'move', state: 'permanent-failure', code: 'SUPERSEDED', next: null },
    });
    expect(prepare(row({ superseded: true }), chosen, AT, settings, true)).toEqual({ kind: 'precheck', recipient: chosen });
  });

  it('quiet hours: waits for 06:00, its state and code kept (a repeat stays marked OUTCOME_UNKNOWN)', () => {
    const night = vn('2025-03-10T23:30:00');
    expect(decided(prepare(row({ errorCode: 'QUOTA_EXHAUSTED' }), chosen, night, settings, false))).toMatchObject({
      outcome: 'waiting',
      change: { kind: 'wait', until: TOMORROW_SIX, code: 'QUOTA_EXHAUSTED' },
    });
    expect(decided(prepare(row({ state: 'sending' }), chosen, night, settings, true)).change).toEqual({
      kind: 'wait',
      until: TOMORROW_SIX,
      code: OUTCOME_UNKNOWN,
    });
    expect(prepare(row(), chosen, night, { ...settings, quietHours: null }, false)).toMatchObject({ kind: 'precheck' });
  });
});

describe("the channel's precheck", () => {
  it('fail: the state and code it gives (a citizen away 7 days)', () => {
    expect(decided(afterPrecheck(row(), { kind: 'fail', state: 'permanent-failure', code: 'NOT_SEEN_7_DAYS' }, AT, settings, false))).toMatchObject({
      outcome: 'failed',
      change: { kind: 'move', state: 'permanent-failure', code: 'NOT_SEEN_7_DAYS', next: null },
    });
  });

  it('wait: keeps its state until then', () => {
    expect(decided(afterPrecheck(row(), { kind: 'wait', until: TOMORROW_SIX, code: 'X' }, AT, settings, false)).change).toEqual({
      kind: 'wait',
      until: TOMORROW_SIX,
      code: 'X',
    });
  });

  describe('a daily limit', () => {
    const limit = { kind: 'limit', until: TOMORROW_SIX, code: 'APP_DAILY_LIMIT' } as const;

    it('NOTIFY_FALLBACK=next asks whether another channel carries the event: then the message gives way', () => {
      const reached = afterPrecheck(row(), limit, AT, settings, false) as LimitReached;
      expect(reached).toEqual({ kind: 'limit', until: TOMORROW_SIX, code: 'APP_DAILY_LIMIT', waitCode: 'APP_DAILY_LIMIT', failed: false, askAnotherChannel: true });
      expect(giveWayOrWait(reached, true)).toEqual({
        kind: 'decision',
        outcome: 'failed',
        change: { kind: 'move', state: 'permanent-failure', code: 'APP_DAILY_LIMIT', next: null },
        logs: [{ level: 'info', message: 'notification gives way to another channel', facts: { code: 'APP_DAILY_LIMIT' } }],
      });
    });

    it('no other channel carries it, or NOTIFY_FALLBACK=wait: it waits for the next day, its state kept', () => {
      const waiting = {
        kind: 'decision',
        outcome: 'waiting',
        change: { kind: 'wait', until: TOMORROW_SIX, code: 'APP_DAILY_LIMIT' },
        logs: [{ level: 'info', message: 'notification waits for the next day', facts: { code: 'APP_DAILY_LIMIT', until: TOMORROW_SIX.toISOString() } }],
      };
      expect(giveWayOrWait(afterPrecheck(row(), limit, AT, settings, false) as LimitReached, false)).toEqual(waiting);
      const wait = afterPrecheck(row(), limit, AT, { ...settings, fallback: 'wait' }, false) as LimitReached;
      expect(wait.askAnotherChannel).toBe(false);
      expect(giveWayOrWait(wait, true)).toEqual(waiting);
    });

    it('a ZBS repeat after an unknown outcome waits marked OUTCOME_UNKNOWN; a mini app repeat cannot be confirmed any more', () => {
      const zbs = afterPrecheck(row({ channel: 'zbs' }), { kind: 'limit', until: TOMORROW_SIX, code: 'QUOTA_EXHAUSTED' }, AT, settings, true);
      expect(giveWayOrWait(zbs as LimitReached, false).change).toEqual({ kind: 'wait', until: TOMORROW_SIX, code: OUTCOME_UNKNOWN });
      expect(decided(afterPrecheck(row(), limit, AT, settings, true))).toMatchObject({
        outcome: 'outcome-unknown',
        change: { kind: 'move', state: 'technical-failure', code: OUTCOME_UNKNOWN, next: null },
      });
    });
  });
});

describe('a lease run out while sending: the outcome is unknown', () => {
  const interrupted = { level: 'warn', message: 'a send was interrupted: outcome unknown', facts: { attempt: 1 } };

  it('ZBS waits NOTIFY_RECEIPT_WAIT_SECONDS for the receipt; none came, it is sent again (not a confirmation)', () => {
    const left = row({ channel: 'zbs', state: 'sending', attempts: 1, lastAttemptAt: AT, nextAttemptAt: AT });
    expect(claim(left, AT, settings)).toEqual({
      kind: 'decision',
      outcome: 'outcome-unknown',
      change: { kind: 'wait', until: new Date(AT.getTime() + 120_000), code: OUTCOME_UNKNOWN },
      logs: [interrupted],
    });
    const later = new Date(AT.getTime() + 120_000);
    const waited = { ...left, errorCode: OUTCOME_UNKNOWN, nextAttemptAt: later };
    expect(claim(waited, later, settings)).toEqual({ kind: 'read-recipient', resend: true, logs: [] });
    expect(claimNow(waited, later)).toMatchObject({ kind: 'claimed', change: { attempt: 2 }, confirmByDailyLimit: false });
  });

  it('mini app the same Vietnamese day: repeated, so that Zalo’s -144 can confirm the first', () => {
    const left = row({ state: 'sending', attempts: 1, lastAttemptAt: vn('2025-03-10T09:59:00'), nextAttemptAt: AT });
    expect(resolveUnknown(left, AT, settings)).toEqual({ kind: 'read-recipient', resend: true, logs: [interrupted] });
    expect(claimNow(left)).toMatchObject({ kind: 'claimed', change: { attempt: 2 }, confirmByDailyLimit: true });
  });

  it('mini app on another day: not repeated, technical-failure OUTCOME_UNKNOWN (at most once)', () => {
    const left = row({ state: 'sending', attempts: 1, lastAttemptAt: vn('2025-03-09T23:59:00'), nextAttemptAt: AT });
    expect(claim(left, AT, settings)).toEqual({
      kind: 'decision',
      outcome: 'outcome-unknown',
      change: { kind: 'move', state: 'technical-failure', code: OUTCOME_UNKNOWN, next: null },
      logs: [interrupted],
    });
  });
});

describe("record: Zalo's answer", () => {
  it('accepted: a mini app message is delivered; a ZBS one stays sending with its msg_id until the receipt', () => {
    expect(answer({ kind: 'accepted', msgId: 'm-1' })).toEqual({
      kind: 'decision',
      outcome: 'sent',
      change: { kind: 'accept', state: 'delivered', providerMsgId: 'm-1' },
      logs: [{ level: 'info', message: 'mini app notification sent', facts: { attempt: 1 } }],
    });
    expect(decided(answer({ kind: 'accepted', msgId: 'z-1' }, { channel: 'zbs' }))).toMatchObject({
      outcome: 'sent',
      change: { kind: 'accept', state: 'sending', providerMsgId: 'z-1' },
      logs: [{ message: 'template message accepted, waiting for its receipt' }],
    });
  });

  it('the row moved on meanwhile (a receipt came first, another attempt, deleted): nothing', () => {
    const accepted: ZaloAnswer = { kind: 'accepted', msgId: 'm' };
    for (const current of [null, { state: 'delivered', attempts: 1 }, { state: 'sending', attempts: 2 }]) {
      expect(record(sent(), current, accepted, AT, settings, Math.random)).toEqual({ kind: 'decision', outcome: 'nothing-to-do', change: null, logs: [] });
    }
  });

  it('unavailable or a transient code: temporary-failure, retried after the backoff (30 s · 2^(n−1), jitter between half and all)', () => {
    expect(answer({ kind: 'unavailable', code: 'HTTP_503', problem: 'down' }, { attempt: 1 }, AT, 1)).toEqual({
      kind: 'decision',
      outcome: 'retry',
      change: { kind: 'move', state: 'temporary-failure', code: 'HTTP_503', next: new Date(AT.getTime() + 30_000) },
      logs: [{ level: 'warn', message: 'notification send failed, will retry', facts: { attempt: 1, code: 'HTTP_503' } }],
    });
    expect(decided(answer({ kind: 'refused', code: -32 }, { attempt: 3 }, AT, 0)).change).toEqual({
      kind: 'move',
      state: 'temporary-failure',
      code: '-32',
      next: new Date(AT.getTime() + 60_000),
    });
    // An OA token that could not be refreshed, and ZBS's token codes, are retried too.
    expect(decided(answer({ kind: 'refused', code: 'OA_TOKEN_REFRESH_FAILED' }, { channel: 'zbs' }))).toMatchObject({ outcome: 'retry' });
    expect(decided(answer({ kind: 'refused', code: -124 }, { channel: 'zbs' }))).toMatchObject({ outcome: 'retry' });
  });

  it('the last retry given up: technical-failure with the code', () => {
    expect(answer({ kind: 'refused', code: -100 }, { attempt: 4 })).toEqual({
      kind: 'decision',
      outcome: 'failed',
      change: { kind: 'move', state: 'technical-failure', code: '-100', next: null },
      logs: [{ level: 'error', message: 'notification gave up after its last retry', facts: { attempt: 4, code: '-100' } }],
    });
  });

  it('a recipient Zalo refuses for good: permanent-failure, never retried; -141 also turns the mini app channel off', () => {
    expect(answer({ kind: 'refused', code: -118 }, { channel: 'zbs' })).toEqual({
      kind: 'decision',
      outcome: 'failed',
      change: { kind: 'move', state: 'permanent-failure', code: '-118', next: null },
      logs: [{ level: 'info', message: 'notification cannot reach this citizen: not retried', facts: { attempt: 1, zaloCode: -118, class: 'permanent' } }],
    });
    expect(answer({ kind: 'refused', code: -141 })).toMatchObject({ turnOffMiniApp: true, change: { state: 'permanent-failure', code: '-141' } });
    expect(answer({ kind: 'refused', code: -141 }, { channel: 'zbs' })).not.toHaveProperty('turnOffMiniApp');
  });

  it('malformed or misconfigured (an unknown code, a wrong mini app key): technical-failure, logged as an error', () => {
    for (const code of [-112, -999]) {
      expect(decided(answer({ kind: 'refused', code }))).toMatchObject({
        outcome: 'failed',
        change: { kind: 'move', state: 'technical-failure', code: String(code), next: null },
        logs: [{ level: 'error' }],
      });
    }
    expect(decided(answer({ kind: 'refused', code: -124 })).change).toMatchObject({ state: 'technical-failure' });
  });

  it("Zalo's daily limit (-144, -147): temporary-failure until the next day, or gives way", () => {
    const reached = answer({ kind: 'refused', code: -147 }) as LimitReached;
    expect(reached).toEqual({ kind: 'limit', until: TOMORROW_SIX, code: '-147', waitCode: '-147', failed: true, askAnotherChannel: true });
    expect(giveWayOrWait(reached, false).change).toEqual({ kind: 'move', state: 'temporary-failure', code: '-147', next: TOMORROW_SIX });
    expect(giveWayOrWait(reached, true).change).toEqual({ kind: 'move', state: 'permanent-failure', code: '-147', next: null });
  });

  it("-144 to a mini app repeat after an unknown outcome confirms the first went through: delivered", () => {
    expect(answer({ kind: 'refused', code: -144 }, { attempt: 2, confirmByDailyLimit: true })).toMatchObject({
      kind: 'decision',
      outcome: 'delivered',
      change: { kind: 'confirm', state: 'delivered', code: CONFIRMED_BY_DAILY_LIMIT },
    });
  });

  it("Zalo's clock says quiet hours (-133, -234): ten minutes later, or 06:00 if that is ours", () => {
    expect(decided(answer({ kind: 'refused', code: -133 })).change).toEqual({
      kind: 'move',
      state: 'temporary-failure',
      code: '-133',
      next: new Date(AT.getTime() + 10 * 60_000),
    });
    expect(decided(answer({ kind: 'refused', code: -234 }, {}, vn('2025-03-10T21:55:00'))).change).toMatchObject({ next: TOMORROW_SIX });
  });

  it('outcome unknown (a timeout): waits with backoff, ZBS at least the receipt wait; on the last attempt given up', () => {
    const unknown: ZaloAnswer = { kind: 'outcome-unknown', problem: 'timed out' };
    expect(answer(unknown, { channel: 'mini-app' }, AT, 1)).toEqual({
      kind: 'decision',
      outcome: 'outcome-unknown',
      change: { kind: 'wait', until: new Date(AT.getTime() + 30_000), code: OUTCOME_UNKNOWN },
      logs: [{ level: 'warn', message: 'notification send: outcome unknown', facts: { attempt: 1, problem: 'timed out' } }],
    });
    expect(decided(answer(unknown, { channel: 'zbs' }, AT, 1)).change).toMatchObject({ until: new Date(AT.getTime() + 120_000) });
    expect(decided(answer(unknown, { channel: 'zbs', attempt: 3 }, AT, 1)).change).toMatchObject({ until: new Date(AT.getTime() + 120_000) });
    expect(decided(answer(unknown, { attempt: 4 }))).toMatchObject({
      outcome: 'failed',
      change: { kind: 'move', state: 'technical-failure', code: OUTCOME_UNKNOWN, next: null },
      logs: [{ level: 'error', message: 'notification send: outcome unknown on the last attempt, given up' }],
    });
  });
});

test('a full round: created → sending → a transient refusal → sending → delivered', () => {
  const first = claimNow(row());
  expect(first).toMatchObject({ kind: 'claimed', change: { attempt: 1 } });
  const refusedAt = new Date(AT.getTime() + 1_000);
  const retry = decided(record(sent(), sending, { kind: 'refused', code: -32 }, refusedAt, settings, () => 0));
  expect(retry.change).toMatchObject({ state: 'temporary-failure' });
  const next = (retry.change as { next: Date }).next;
  const again = claimNow(row({ state: 'temporary-failure', attempts: 1, nextAttemptAt: next, errorCode: '-32' }), next);
  expect(again).toMatchObject({ kind: 'claimed', change: { attempt: 2 } });
  const done = decided(record(sent({ attempt: 2 }), { state: 'sending', attempts: 2 }, { kind: 'accepted', msgId: null }, next, settings, Math.random));
  expect(done.change).toEqual({ kind: 'accept', state: 'delivered', providerMsgId: null });
});

describe('the citizen chose this channel (the outbox and the sender both ask)', () => {
  const facts = (change: Partial<ChannelChoiceFacts> = {}): ChannelChoiceFacts => ({
    notificationsGranted: true,
    phoneGranted: true,
    phone: '84912345678',
    miniAppAllowedAt: AT,
    phoneEnabled: true,
    ...change,
  });
  const both = ['mini-app', 'zbs'] as const;

  it('both chosen: both, in the configured order; only the channels in use', () => {
    expect(chosenChannels(facts(), both)).toEqual(['mini-app', 'zbs']);
    expect(chosenChannels(facts(), ['zbs', 'mini-app'])).toEqual(['zbs', 'mini-app']);
    expect(chosenChannels(facts(), ['zbs'])).toEqual(['zbs']);
    expect(choseChannel('mini-app', facts(), ['zbs'])).toBe(false);
  });

  it('none without the notifications consent', () => {
    expect(chosenChannels(facts({ notificationsGranted: false }), both)).toEqual([]);
  });

  it('the mini app only while allowed; the phone only when on, with its consent and a verified number', () => {
    expect(chosenChannels(facts({ miniAppAllowedAt: null }), both)).toEqual(['zbs']);
    expect(chosenChannels(facts({ phoneEnabled: false }), both)).toEqual(['mini-app']);
    expect(chosenChannels(facts({ phoneEnabled: null }), both)).toEqual(['mini-app']);
    expect(chosenChannels(facts({ phoneGranted: false }), both)).toEqual(['mini-app']);
    expect(chosenChannels(facts({ phone: null }), both)).toEqual(['mini-app']);
  });
});
