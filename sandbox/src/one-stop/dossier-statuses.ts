// The one-stop system's own status table and transitions, from public-service-domain.md, "Dossier statuses".
// Deliberately not the proxy's (sandbox/README.md, "Own rules"): a wrong rule there must fail against this one.

/** TrangThaiHoSo: the national codes, as the one-stop system sends and stores them. */
export const STATUS = {
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

export type DossierStatus = (typeof STATUS)[keyof typeof STATUS];

/** TenTrangThaiHoSo, word for word from the reference table. */
export const STATUS_NAMES: Readonly<Record<DossierStatus, string>> = {
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

/**
 * What one officer action or citizen request may turn a dossier into. Refusal (3) is only at intake; once accepted
 * the office stops (8) instead. A supplement or a paid fee resumes processing (4); a decided dossier (9) can only
 * be handed over. Terminal codes (3, 7, 8, 10) have nothing after them.
 */
export const NEXT_STATUSES: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  1: [2, 3, 7], // accept, refuse, withdraw
  2: [4, 5, 6, 7, 8, 9], // process, ask for documents or a fee, withdraw, stop, decide
  3: [],
  4: [5, 6, 7, 8, 9],
  5: [4, 7, 8], // documents arrive; no fee or decision before they do
  6: [4, 7, 8, 9], // paid: processing resumes, or the result is issued at once
  7: [],
  8: [],
  9: [10],
  10: [],
};

export function mayFollow(from: DossierStatus, to: DossierStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export function isTerminal(status: DossierStatus): boolean {
  return NEXT_STATUSES[status].length === 0;
}

/** The office's time limit runs while it holds the dossier undecided; not while it waits on the citizen (5, 6). */
const CLOCK_RUNS: ReadonlySet<DossierStatus> = new Set([STATUS.SUBMITTED, STATUS.ACCEPTED, STATUS.IN_PROCESS]);

export function clockRuns(status: DossierStatus): boolean {
  return CLOCK_RUNS.has(status);
}

/** Trễ hạn is not a code: the due date has passed while the office still holds the dossier undecided. */
export function isOverdue(now: Date, dueAt: Date | null, status: DossierStatus): boolean {
  return dueAt !== null && clockRuns(status) && now.getTime() > dueAt.getTime();
}
