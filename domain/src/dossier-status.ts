// The dossier status model, pure: the national 1–10 codes (TrangThaiHoSo) a one-stop system synchronises with the
// National Public Service Portal (shared/reference/public-service-domain.md, "Dossier statuses"), which codes may
// follow which, and the derived facts the app shows (terminal, citizen must act, overdue, may withdraw, may rate).
// Nothing here reads a clock or a file: instants and the working calendar are passed in.
import { type WorkingCalendar, isOverdue as isPastDue } from './working-days';

/** The national codes keep their numbers: they are what the one-stop system sends and stores. */
export const DOSSIER_STATUS = {
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
} as const;

export type DossierStatus = (typeof DOSSIER_STATUS)[keyof typeof DOSSIER_STATUS];

/** Every code, in numeric order. */
export const DOSSIER_STATUSES: readonly DossierStatus[] = Object.values(DOSSIER_STATUS).sort((a, b) => a - b);

export function isDossierStatus(value: unknown): value is DossierStatus {
  return typeof value === 'number' && (DOSSIER_STATUSES as readonly number[]).includes(value);
}

/** The official names, exactly as the reference lists them (what officers and the national portal say). */
export const DOSSIER_STATUS_NAMES: Readonly<Record<DossierStatus, string>> = {
  1: 'Mới đăng ký',
  2: 'Được tiếp nhận',
  3: 'Không được tiếp nhận',
  4: 'Đang xử lý',
  5: 'Yêu cầu bổ sung giấy tờ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

/** What each code means for the citizen, in plain Vietnamese (the mini app's status line). */
export const DOSSIER_STATUS_DESCRIPTIONS: Readonly<Record<DossierStatus, string>> = {
  1: 'Hồ sơ đã gửi, đang chờ cơ quan tiếp nhận',
  2: 'Cơ quan đã tiếp nhận hồ sơ và hẹn ngày trả kết quả',
  3: 'Cơ quan không tiếp nhận hồ sơ, xem lý do',
  4: 'Cơ quan đang giải quyết hồ sơ',
  5: 'Cơ quan yêu cầu bổ sung giấy tờ',
  6: 'Cần nộp phí, lệ phí hoặc nghĩa vụ tài chính',
  7: 'Bạn đã rút hồ sơ',
  8: 'Cơ quan đã dừng xử lý hồ sơ, xem lý do',
  9: 'Đã có kết quả, mời bạn nhận kết quả',
  10: 'Đã trả kết quả',
};

/** Nothing follows these (reference table, "terminal? yes"): refused, withdrawn, stopped, result returned. */
const TERMINAL: ReadonlySet<DossierStatus> = new Set([3, 7, 8, 10]);

/** The citizen must do something (reference table, "citizen must act?"): supply documents, pay, collect the result. */
const CITIZEN_ACTION: ReadonlySet<DossierStatus> = new Set([5, 6, 9]);

export function isTerminal(status: DossierStatus): boolean {
  return TERMINAL.has(status);
}

export function needsCitizenAction(status: DossierStatus): boolean {
  return CITIZEN_ACTION.has(status);
}

/**
 * Which code may directly follow which: one officer action or citizen request. Reasoned from the reference and the
 * one-stop procedure of Decree 118/2025/NĐ-CP (intake, then processing, then returning the result):
 * - 1 submitted online: the desk accepts it (2, receipt Mẫu 01) or refuses it (3, Mẫu 03); the citizen may withdraw (7).
 *   Refusal exists only at intake: once accepted, a dossier that cannot be decided is stopped (8, Mẫu 05).
 * - 2 accepted and 4 in process: the office works on it (2→4), asks for every missing document at once (5, Mẫu 02),
 *   asks for a fee or tax (6), stops it (8) or decides it (9); the citizen may withdraw while it is undecided (7).
 * - 5 supplement required: the supplement arrives and processing resumes with a reset due date (4), or the office
 *   stops it (8, e.g. the supplement never came), or the citizen withdraws (7). A fee is asked only once processing
 *   has resumed (5→4→6), and a decision needs the documents first, so 5→6 and 5→9 are not direct steps.
 * - 6 fee required: once paid, processing resumes (4) or the result is issued at once (9); or stopped (8) or withdrawn (7).
 * - 9 result ready: the only step left is handing the result over (10). A decided dossier can no longer be withdrawn.
 * - 3, 7, 8, 10 are terminal. 1 is never re-entered. A delay with apology (Mẫu 04) is not a status change: it keeps
 *   the status and moves the due date.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  1: [2, 3, 7],
  2: [4, 5, 6, 7, 8, 9],
  3: [],
  4: [5, 6, 7, 8, 9],
  5: [4, 7, 8],
  6: [4, 7, 8, 9],
  7: [],
  8: [],
  9: [10],
  10: [],
};

/** Whether `to` may directly follow `from` (one officer action or citizen request; the same code is not a step). */
export function canTransition(from: DossierStatus, to: DossierStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** Whether `to` can follow `from` through one or more allowed steps: what a status mirror may jump to when it missed events. */
export function isReachable(from: DossierStatus, to: DossierStatus): boolean {
  const seen = new Set<DossierStatus>();
  const queue: DossierStatus[] = [...ALLOWED_TRANSITIONS[from]];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (next === to) return true;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...ALLOWED_TRANSITIONS[next]);
  }
  return false;
}

/**
 * How far along a dossier is, to order two events stamped in the same second (DVCQG times have no milliseconds):
 * the one further along wins. Event time comes first; this rank only breaks ties. 4 ranks below 5 and 6 because
 * the office leaves "in process" to ask for something; 5 and 6 never follow each other directly.
 */
export const PROGRESS_RANK: Readonly<Record<DossierStatus, number>> = {
  1: 0,
  2: 1,
  4: 2,
  5: 3,
  6: 3,
  9: 4,
  3: 5,
  7: 5,
  8: 5,
  10: 5,
};

/** What a status mirror knows: the current code and the time of the newest event it applied (null: none yet). */
export interface DossierStatusState {
  status: DossierStatus;
  lastEventAt: Date | null;
}

/** A status change reported by the one-stop system (webhook or poll): the dossier's code as of `occurredAt`. */
export interface DossierStatusEvent {
  status: DossierStatus;
  occurredAt: Date;
}

export type ApplyEventResult =
  /** The status changed. `skippedSteps`: not a direct step, so events in between were missed (a lost webhook). */
  | { outcome: 'changed'; state: DossierStatusState; skippedSteps: boolean }
  /** Same code, newer event (a new due date after an apology, another progress step): refresh the details. */
  | { outcome: 'refreshed'; state: DossierStatusState }
  /** Older than what is known (or a tie that is not further along): record it in the history, keep the status. */
  | { outcome: 'stale'; state: DossierStatusState }
  /** The model forbids it (e.g. anything after a terminal code, back to 1): nothing changes. */
  | { outcome: 'rejected'; state: DossierStatusState; code: 'FORBIDDEN_TRANSITION'; reason: string };

/**
 * Applies a reported status to a mirror without ever moving it backwards. An event older than the newest one
 * applied is stale: it belongs in the history but does not change the status, so out-of-order webhooks are
 * harmless. A newer event may jump several steps (its intermediate events were lost) but only along allowed steps.
 */
export function applyEvent(current: DossierStatusState, event: DossierStatusEvent): ApplyEventResult {
  const last = current.lastEventAt?.getTime();
  const at = event.occurredAt.getTime();
  if (Number.isNaN(at)) throw new RangeError('occurredAt is not a valid instant');

  if (last !== undefined && at < last) return { outcome: 'stale', state: current };
  if (last !== undefined && at === last && event.status !== current.status) {
    if (PROGRESS_RANK[event.status] <= PROGRESS_RANK[current.status]) return { outcome: 'stale', state: current };
  }
  if (event.status === current.status) {
    return { outcome: 'refreshed', state: { status: current.status, lastEventAt: event.occurredAt } };
  }
  if (!isReachable(current.status, event.status)) {
    return {
      outcome: 'rejected',
      state: current,
      code: 'FORBIDDEN_TRANSITION',
      reason: `status ${event.status} cannot follow status ${current.status}${isTerminal(current.status) ? ' (terminal)' : ''}`,
    };
  }
  return {
    outcome: 'changed',
    state: { status: event.status, lastEventAt: event.occurredAt },
    skippedSteps: !canTransition(current.status, event.status),
  };
}

/**
 * Codes during which the office's time limit runs: the dossier is with the office and undecided. The clock stops while
 * the office waits on the citizen (5: the due date resets when the supplement arrives; 6: fee or tax to pay) and once
 * the dossier is decided (9: the result is on time or not when it is decided, not when it is collected).
 */
const CLOCK_RUNS: ReadonlySet<DossierStatus> = new Set([1, 2, 4]);

/**
 * Overdue (trễ hạn) is not a code: the due date (NgayHenTra) has passed while the office still holds the dossier
 * undecided. Terminal codes are never overdue (reference: "now > due date while not terminal"); see CLOCK_RUNS for 5, 6, 9.
 */
export function isOverdue(now: Date, dueAt: Date | null | undefined, status: DossierStatus): boolean {
  return isPastDue(now, dueAt, !CLOCK_RUNS.has(status));
}

/**
 * Working days left before the due date ("còn N ngày làm việc"), null when no due date applies or the clock does
 * not run; 0 on the due day, negative once overdue.
 */
export function workingDaysLeft(
  calendar: WorkingCalendar,
  now: Date,
  dueAt: Date | null | undefined,
  status: DossierStatus,
): number | null {
  if (dueAt == null || !CLOCK_RUNS.has(status)) return null;
  return calendar.workingDaysBetween(now, dueAt);
}

/** The citizen may withdraw a dossier not yet decided (reference: 7 "withdrawn by the citizen"). */
export function canWithdraw(status: DossierStatus): boolean {
  return canTransition(status, DOSSIER_STATUS.WITHDRAWN);
}

/** The citizen may rate the service once there is a result. */
export function canRate(status: DossierStatus): boolean {
  return status === DOSSIER_STATUS.RESULT_READY || status === DOSSIER_STATUS.RESULT_RETURNED;
}
