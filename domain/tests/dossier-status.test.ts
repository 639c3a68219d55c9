// The dossier status model against the reference table (shared/reference/public-service-domain.md) and the real
// holiday data (data/holidays.json).
import holidayFile from '../../data/holidays.json';
import {
  ALLOWED_TRANSITIONS,
  DOSSIER_STATUS,
  DOSSIER_STATUS_DESCRIPTIONS,
  DOSSIER_STATUS_NAMES,
  DOSSIER_STATUSES,
  type DossierStatus,
  type DossierStatusState,
  applyEvent,
  canRate,
  canTransition,
  canWithdraw,
  isDossierStatus,
  isOverdue,
  isReachable,
  isTerminal,
  needsCitizenAction,
  workingDaysLeft,
} from '../src/dossier-status';
import { createWorkingCalendar, holidayCalendarSchema } from '../src/working-days';

const calendar = createWorkingCalendar(holidayCalendarSchema.parse(holidayFile));
/** An instant written as Vietnamese wall-clock time, e.g. at('2026-03-02 09:00'). */
const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}+07:00`);

describe('codes and names', () => {
  it('has the ten national codes with their numbers', () => {
    expect(DOSSIER_STATUS).toEqual({
      SUBMITTED: 1,
      ACCEPTED: 2,
      REFUSED: 3,
      IN_PROCESS: 4,
      SUPPLEMENT_REQUIRED: 5,
      FEE_REQUIRED: 6,
      WITHDRAWN: 7,
      STOPPED: 8,
      RESULT_READY: 9,
      RESULT_RETURNED: 10,
    });
    expect(DOSSIER_STATUSES).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it.each([
    [1, 'Mới đăng ký'],
    [2, 'Được tiếp nhận'],
    [3, 'Không được tiếp nhận'],
    [4, 'Đang xử lý'],
    [5, 'Yêu cầu bổ sung giấy tờ'],
    [6, 'Yêu cầu thực hiện nghĩa vụ tài chính'],
    [7, 'Công dân yêu cầu rút hồ sơ'],
    [8, 'Dừng xử lý'],
    [9, 'Đã xử lý xong'],
    [10, 'Đã trả kết quả'],
  ] as const)('names code %i "%s" as the reference does', (code, name) => {
    expect(DOSSIER_STATUS_NAMES[code]).toBe(name);
  });

  it('describes every code for citizens in distinct plain Vietnamese', () => {
    const descriptions = DOSSIER_STATUSES.map((code) => DOSSIER_STATUS_DESCRIPTIONS[code]);
    expect(new Set(descriptions).size).toBe(10);
    expect(DOSSIER_STATUS_DESCRIPTIONS[5]).toBe('Cơ quan yêu cầu bổ sung giấy tờ');
    expect(DOSSIER_STATUS_DESCRIPTIONS[6]).toMatch(/phí/);
    expect(DOSSIER_STATUS_DESCRIPTIONS[7]).toBe('Bạn đã rút hồ sơ');
  });

  it('recognises codes and nothing else', () => {
    for (const code of DOSSIER_STATUSES) expect(isDossierStatus(code)).toBe(true);
    for (const value of [0, 11, -1, 2.5, '2', null, undefined, Number.NaN]) expect(isDossierStatus(value)).toBe(false);
  });
});

describe('derived facts per code (reference table)', () => {
  //            code terminal citizenActs withdraw rate
  it.each([
    [1, false, false, true, false],
    [2, false, false, true, false],
    [3, true, false, false, false],
    [4, false, false, true, false],
    [5, false, true, true, false],
    [6, false, true, true, false],
    [7, true, false, false, false],
    [8, true, false, false, false],
    [9, false, true, false, true],
    [10, true, false, false, true],
  ] as const)('code %i: terminal %s, citizen must act %s, may withdraw %s, may rate %s', (code, terminal, acts, withdraw, rate) => {
    expect(isTerminal(code)).toBe(terminal);
    expect(needsCitizenAction(code)).toBe(acts);
    expect(canWithdraw(code)).toBe(withdraw);
    expect(canRate(code)).toBe(rate);
  });
});

describe('transitions', () => {
  const allowed: [DossierStatus, DossierStatus[]][] = [
    [1, [2, 3, 7]],
    [2, [4, 5, 6, 7, 8, 9]],
    [3, []],
    [4, [5, 6, 7, 8, 9]],
    [5, [4, 7, 8]],
    [6, [4, 7, 8, 9]],
    [7, []],
    [8, []],
    [9, [10]],
    [10, []],
  ];

  it.each(allowed)('from %i allows exactly %j, and nothing else', (from, targets) => {
    for (const to of DOSSIER_STATUSES) expect([to, canTransition(from, to)]).toEqual([to, targets.includes(to)]);
  });

  it('leaves terminal codes with no way out, and nothing leads back to 1', () => {
    for (const code of DOSSIER_STATUSES) {
      expect(ALLOWED_TRANSITIONS[code].length === 0).toBe(isTerminal(code));
      expect(canTransition(code, 1)).toBe(false);
      expect(canTransition(code, code)).toBe(false);
    }
  });

  it.each([
    [10, 2, 'accept a returned dossier'],
    [9, 7, 'withdraw a decided dossier'],
    [4, 3, 'refuse after acceptance (that is a stop)'],
    [5, 9, 'decide without the supplement'],
    [5, 6, 'ask a fee while waiting for a supplement'],
    [1, 4, 'process before acceptance'],
    [9, 4, 'reopen a decided dossier'],
  ] as [DossierStatus, DossierStatus, string][])('forbids %i → %i (%s)', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('knows which codes a mirror can reach through missed steps', () => {
    expect(isReachable(1, 4)).toBe(true); // 1→2→4
    expect(isReachable(2, 10)).toBe(true); // 2→9→10
    expect(isReachable(5, 6)).toBe(true); // 5→4→6
    expect(isReachable(5, 5)).toBe(true); // 5→4→5, a second request
    expect(isReachable(2, 3)).toBe(false); // refusal only at intake
    expect(isReachable(9, 4)).toBe(false);
    expect(isReachable(10, 9)).toBe(false);
    for (const code of DOSSIER_STATUSES) expect(isReachable(code, 1)).toBe(false);
  });
});

describe('applyEvent: never backwards', () => {
  const state = (status: DossierStatus, lastEventAt: string | null): DossierStatusState => ({
    status,
    lastEventAt: lastEventAt === null ? null : at(lastEventAt),
  });

  it('applies an allowed newer event', () => {
    expect(applyEvent(state(1, '2026-03-02 09:00'), { status: 2, occurredAt: at('2026-03-02 09:05') })).toEqual({
      outcome: 'changed',
      state: { status: 2, lastEventAt: at('2026-03-02 09:05') },
      skippedSteps: false,
    });
  });

  it('applies the first event of a mirror that has none', () => {
    expect(applyEvent(state(1, null), { status: 2, occurredAt: at('2026-03-02 09:05') })).toMatchObject({
      outcome: 'changed',
      state: { status: 2 },
    });
  });

  it('keeps the newer status when an older event arrives after it, and says it is stale', () => {
    let current = state(2, '2026-03-02 09:00');
    const supplement = { status: 5 as const, occurredAt: at('2026-03-03 10:00') };
    const inProcess = { status: 4 as const, occurredAt: at('2026-03-02 14:00') };
    const first = applyEvent(current, supplement);
    expect(first.outcome).toBe('changed');
    current = first.state;
    // 4 is a step 5 can go to, but this 4 happened before the request for a supplement.
    expect(applyEvent(current, inProcess)).toEqual({ outcome: 'stale', state: current });
    expect(current).toEqual({ status: 5, lastEventAt: at('2026-03-03 10:00') });
  });

  it('ends in the same state whatever order the same events arrive in', () => {
    const events = [
      { status: 2 as const, occurredAt: at('2026-03-02 09:00') },
      { status: 4 as const, occurredAt: at('2026-03-02 10:00') },
      { status: 5 as const, occurredAt: at('2026-03-03 10:00') },
      { status: 4 as const, occurredAt: at('2026-03-05 08:00') },
      { status: 9 as const, occurredAt: at('2026-03-06 16:00') },
    ];
    const orders = [events, [...events].reverse(), [events[2]!, events[0]!, events[4]!, events[1]!, events[3]!]];
    for (const order of orders) {
      const final = order.reduce((current, event) => applyEvent(current, event).state, state(1, null));
      expect(final).toEqual({ status: 9, lastEventAt: at('2026-03-06 16:00') });
    }
  });

  it('breaks a tie within the same second by progress: further along wins', () => {
    const accepted = state(2, '2026-03-02 09:00');
    expect(applyEvent(accepted, { status: 4, occurredAt: at('2026-03-02 09:00') })).toMatchObject({
      outcome: 'changed',
      state: { status: 4 },
    });
    const inProcess = state(4, '2026-03-02 09:00');
    expect(applyEvent(inProcess, { status: 2, occurredAt: at('2026-03-02 09:00') })).toEqual({
      outcome: 'stale',
      state: inProcess,
    });
  });

  it('jumps over missed steps along allowed ones, and says so', () => {
    expect(applyEvent(state(2, '2026-03-02 09:00'), { status: 10, occurredAt: at('2026-03-04 09:00') })).toEqual({
      outcome: 'changed',
      state: { status: 10, lastEventAt: at('2026-03-04 09:00') },
      skippedSteps: true,
    });
  });

  it('refreshes on a newer event with the same code (a delay with a new due date)', () => {
    expect(applyEvent(state(4, '2026-03-02 09:00'), { status: 4, occurredAt: at('2026-03-04 09:00') })).toEqual({
      outcome: 'refreshed',
      state: { status: 4, lastEventAt: at('2026-03-04 09:00') },
    });
  });

  it.each([
    [10, 2],
    [8, 4],
    [3, 2],
    [7, 9],
    [9, 4],
    [4, 1],
  ] as const)('rejects %i → %i with a reason and changes nothing', (from, to) => {
    const current = state(from, '2026-03-02 09:00');
    const result = applyEvent(current, { status: to, occurredAt: at('2026-03-03 09:00') });
    expect(result).toEqual({
      outcome: 'rejected',
      state: current,
      code: 'FORBIDDEN_TRANSITION',
      reason: expect.stringContaining(`${to} cannot follow status ${from}`),
    });
  });

  it('refuses an invalid event time', () => {
    expect(() => applyEvent(state(1, null), { status: 2, occurredAt: new Date('nope') })).toThrow(RangeError);
  });
});

describe('overdue and working days left, with data/holidays.json', () => {
  it('is overdue only after the due instant (17:00 local), not at it', () => {
    const due = at('2026-03-04 17:00');
    expect(isOverdue(at('2026-03-04 17:00'), due, 4)).toBe(false);
    expect(isOverdue(at('2026-03-04 17:00:01'), due, 4)).toBe(true);
  });

  it('counts a due date across a weekend: 3 working days from Thursday 5 March 2026 is Tuesday 10 March', () => {
    const due = calendar.addWorkingDays(at('2026-03-05 09:00'), 3);
    expect(due).toEqual(at('2026-03-10 17:00'));
    expect(isOverdue(at('2026-03-09 16:00'), due, 2)).toBe(false);
    expect(workingDaysLeft(calendar, at('2026-03-06 09:00'), due, 4)).toBe(2); // Monday and Tuesday
    expect(workingDaysLeft(calendar, at('2026-03-07 09:00'), due, 4)).toBe(2); // Saturday: still 2
    expect(isOverdue(at('2026-03-11 08:00'), due, 4)).toBe(true);
    expect(workingDaysLeft(calendar, at('2026-03-11 08:00'), due, 4)).toBe(-1);
  });

  it('counts across Tết 2026: 3 working days from Friday 13 February is Wednesday 25 February', () => {
    const due = calendar.addWorkingDays(at('2026-02-13 10:00'), 3);
    expect(due).toEqual(at('2026-02-25 17:00'));
    expect(isOverdue(at('2026-02-20 17:30'), due, 4)).toBe(false);
    expect(workingDaysLeft(calendar, at('2026-02-16 09:00'), due, 4)).toBe(3); // Tết days do not count
    expect(isOverdue(at('2026-02-26 07:30'), due, 4)).toBe(true);
  });

  it('counts across the Giỗ Tổ make-up day 2026: 2 working days from Friday 24 April is Wednesday 29 April', () => {
    const due = calendar.addWorkingDays(at('2026-04-24 09:00'), 2); // Monday 27 April is off (nghỉ bù)
    expect(due).toEqual(at('2026-04-29 17:00'));
    expect(isOverdue(at('2026-04-29 16:59'), due, 2)).toBe(false);
    expect(isOverdue(at('2026-04-30 08:00'), due, 2)).toBe(true); // late even on a holiday
  });

  it('is overdue only while the office holds the dossier undecided (1, 2, 4)', () => {
    const due = at('2026-03-04 17:00');
    const late = at('2026-03-10 09:00');
    const overdue = DOSSIER_STATUSES.filter((code) => isOverdue(late, due, code));
    expect(overdue).toEqual([1, 2, 4]);
    expect(workingDaysLeft(calendar, late, due, 5)).toBeNull();
    expect(workingDaysLeft(calendar, late, due, 10)).toBeNull();
  });

  it('is never overdue without a due date', () => {
    expect(isOverdue(at('2030-01-01 09:00'), null, 1)).toBe(false);
    expect(isOverdue(at('2030-01-01 09:00'), undefined, 4)).toBe(false);
    expect(workingDaysLeft(calendar, at('2030-01-01 09:00'), null, 4)).toBeNull();
  });
});
