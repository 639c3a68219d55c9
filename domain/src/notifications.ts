// Notifications of status changes, pure: which status events a citizen is told about, the Vietnamese words of each
// message, the Zalo template each goes out with, how Zalo's error codes are handled, and the Vietnamese clock of
// quiet hours and daily limits. Nothing here reads a clock, a database or the network.
//
// Facts: shared/reference/zalo-platform.md ("Mini app notification", "Template message by phone", error classes).
import type { DossierStatus } from './dossier-status';
import { fromVietnamLocal, toVietnamLocal } from './working-days';

export const NOTIFICATION_CHANNELS = ['inbox', 'mini-app', 'zbs'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
/** The channels that go through Zalo; the inbox is the app's own list. */
export const ZALO_CHANNELS = ['mini-app', 'zbs'] as const;
export type ZaloChannel = (typeof ZALO_CHANNELS)[number];

/** What says whether a citizen chose a Zalo channel (consents, notification settings, the verified phone). */
export interface ChannelChoiceFacts {
  /** The `notifications` consent is granted. */
  notificationsGranted: boolean;
  /** The `phone` consent is granted. */
  phoneGranted: boolean;
  /** The verified phone number, if any. */
  phone: string | null;
  /** When the citizen allowed mini app notifications (zmp-sdk requestSendNotification); null: not allowed. */
  miniAppAllowedAt: Date | null;
  /** The phone channel turned on in the settings. */
  phoneEnabled: boolean | null;
}

/**
 * This citizen chose this channel and it is in use: the notifications consent, and for the mini app the permission
 * given, for ZBS the phone channel on with the phone consent and a verified number.
 */
export function choseChannel(channel: ZaloChannel, facts: ChannelChoiceFacts, inUse: readonly ZaloChannel[]): boolean {
  if (!facts.notificationsGranted || !inUse.includes(channel)) return false;
  return channel === 'mini-app'
    ? facts.miniAppAllowedAt !== null
    : facts.phoneEnabled === true && facts.phoneGranted && facts.phone !== null;
}

/** The Zalo channels this citizen chose that are in use, in the configured order. */
export function chosenChannels(facts: ChannelChoiceFacts, inUse: readonly ZaloChannel[]): ZaloChannel[] {
  return inUse.filter((channel) => choseChannel(channel, facts, inUse));
}

export const NOTIFICATION_STATES = [
  'created',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;
export type NotificationState = (typeof NOTIFICATION_STATES)[number];

/** States after which nothing is sent for the row again (a late delivery receipt may still mark it delivered). */
export const FINAL_STATES: ReadonlySet<NotificationState> = new Set(['delivered', 'permanent-failure', 'technical-failure']);

export const NOTIFICATION_KINDS = [
  'received',
  'refused',
  'supplement-required',
  'fee-required',
  'stopped',
  'delayed',
  'result-ready',
  'returned',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What the status mirror applied (status-change.ts), as far as notifications care. */
export interface NotifiableChange {
  status: DossierStatus;
  outcome: 'changed' | 'refreshed';
  /** The one-stop webhook's action; null for steps read from a dossier (poll, answers to our calls). */
  action: string | null;
  dueAt: Date | null;
  /** The due date before the event. */
  previousDueAt: Date | null;
}

const KIND_BY_NEW_STATUS: Partial<Record<DossierStatus, NotificationKind>> = {
  2: 'received',
  3: 'refused',
  5: 'supplement-required',
  6: 'fee-required',
  8: 'stopped',
  9: 'result-ready',
  10: 'returned',
};

/** Codes at which the office's time runs, where a delay letter (Mẫu 04) moves the due date. */
const DELAYABLE: ReadonlySet<DossierStatus> = new Set([1, 2, 4]);

/**
 * The kind of message a status event sends, or null for none.
 * - A new code: 2 received, 3 refused, 5 supplement required, 6 fee required, 8 stopped, 9 result ready, 10 returned.
 *   Not 1 (the citizen just sent it), 4 (processing: nothing to do, and after a supplement or a fee it is the
 *   citizen's own doing) or 7 (the citizen withdrew it).
 * - The same code with newer details (`refreshed`) only for a delay with a new due date (Mẫu 04): the webhook's
 *   action `delay`, or, for a step read from the dossier, a due date that moved later while the office's time runs.
 *   Other refreshes (a newer step that changes nothing the citizen must know) send nothing.
 */
export function notificationKindFor(change: NotifiableChange): NotificationKind | null {
  if (change.outcome === 'changed') return KIND_BY_NEW_STATUS[change.status] ?? null;
  if (!DELAYABLE.has(change.status)) return null;
  if (change.action === 'delay') return 'delayed';
  if (change.action === null && change.dueAt && change.previousDueAt && change.dueAt.getTime() > change.previousDueAt.getTime()) {
    return 'delayed';
  }
  return null;
}

/** The facts a message is written from: the application and what its current status asks. */
export interface NotificationFacts {
  procedureName: string;
  receiptCode: string | null;
  dueAt: Date | null;
  reason: string | null;
  supplementDocuments: readonly string[];
  fee: { amount: number; description: string | null } | null;
  pickupPlace: string | null;
  /** The new due date of the newest delay letter. */
  delayedTo: Date | null;
}

export interface NotificationContent {
  title: string;
  body: string;
  /** What the Zalo templates carry besides the title (stored with the row, sent by the worker). */
  params: NotificationParams;
}

export interface NotificationParams {
  procedureName: string;
  receiptCode: string | null;
  /** dd/mm/yyyy: the due date (received, delayed), else null. */
  dueDate: string | null;
  /** The sentence after the procedure and receipt code: what happened and what to do. */
  detail: string;
}

/** Mini app notification titles are at most 32 characters (reference); every title here fits. */
export const TITLE_MAX_LENGTH = 32;

export const NOTIFICATION_TITLES: Readonly<Record<NotificationKind, string>> = {
  received: 'Hồ sơ đã được tiếp nhận',
  refused: 'Hồ sơ không được tiếp nhận',
  'supplement-required': 'Hồ sơ cần bổ sung giấy tờ',
  'fee-required': 'Hồ sơ cần nộp phí, lệ phí',
  stopped: 'Hồ sơ đã dừng xử lý',
  delayed: 'Hồ sơ được hẹn lại ngày trả',
  'result-ready': 'Hồ sơ đã có kết quả',
  returned: 'Đã trả kết quả hồ sơ',
};

/** dd/mm/yyyy in Vietnam. */
export function formatVietnamDate(instant: Date): string {
  const local = toVietnamLocal(instant);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.day)}/${two(local.month)}/${local.year}`;
}

/** 25000 → "25.000 đồng". */
export function formatDong(amount: number): string {
  return `${String(Math.round(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đồng`;
}

function clip(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function detailOf(kind: NotificationKind, facts: NotificationFacts): string {
  const reason = facts.reason ? ` Lý do: ${sentence(clip(facts.reason, 300))}` : '';
  switch (kind) {
    case 'received':
      return facts.dueAt
        ? `cơ quan đã tiếp nhận hồ sơ, hẹn trả kết quả ngày ${formatVietnamDate(facts.dueAt)}.`
        : 'cơ quan đã tiếp nhận hồ sơ.';
    case 'refused':
      return `cơ quan không tiếp nhận hồ sơ.${reason} Mở hồ sơ để xem chi tiết.`;
    case 'supplement-required': {
      const documents = facts.supplementDocuments.map((name) => clip(name, 100)).filter(Boolean);
      const what = documents.length > 0 ? clip(documents.join('; '), 300) : 'giấy tờ';
      return `cơ quan yêu cầu bổ sung ${what}. Mở hồ sơ để gửi bổ sung.`;
    }
    case 'fee-required': {
      if (!facts.fee) return 'cần nộp phí, lệ phí. Mở hồ sơ để xem cách nộp.';
      const description = facts.fee.description ? ` (${clip(facts.fee.description, 150)})` : '';
      return `cần nộp ${formatDong(facts.fee.amount)}${description}. Mở hồ sơ để xem cách nộp.`;
    }
    case 'stopped':
      return `cơ quan đã dừng xử lý hồ sơ.${reason} Mở hồ sơ để xem chi tiết.`;
    case 'delayed': {
      const to = facts.delayedTo ?? facts.dueAt;
      return to
        ? `cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày ${formatVietnamDate(to)}.`
        : 'cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày trả. Mở hồ sơ để xem ngày hẹn mới.';
    }
    case 'result-ready':
      return facts.pickupPlace
        ? `đã có kết quả, mời bạn nhận tại ${clip(facts.pickupPlace, 200)}. Mở hồ sơ để xem cách nhận.`
        : 'đã có kết quả. Mở hồ sơ để xem cách nhận.';
    case 'returned':
      return 'kết quả đã được trả. Cảm ơn bạn; mở hồ sơ để đánh giá dịch vụ.';
  }
}

/** The Vietnamese title and body of a message, e.g. "Đăng ký khai sinh — mã hồ sơ 04465-261122-0007: cơ quan yêu cầu …". */
export function composeNotification(kind: NotificationKind, facts: NotificationFacts): NotificationContent {
  const procedureName = clip(facts.procedureName, 200);
  const detail = detailOf(kind, facts);
  const subject = facts.receiptCode ? `${procedureName} — mã hồ sơ ${facts.receiptCode}` : procedureName;
  const dueDate =
    kind === 'received' && facts.dueAt
      ? formatVietnamDate(facts.dueAt)
      : kind === 'delayed' && (facts.delayedTo ?? facts.dueAt)
        ? formatVietnamDate((facts.delayedTo ?? facts.dueAt) as Date)
        : null;
  return {
    title: NOTIFICATION_TITLES[kind],
    body: clip(`${subject}: ${detail}`, 1000),
    params: { procedureName, receiptCode: facts.receiptCode, dueDate, detail },
  };
}

/**
 * ZBS templates are approved one per status class (reference: "approved templates (one per status class)"), each
 * with its own parameters.
 */
export const TEMPLATE_CLASSES = ['received', 'action-required', 'result', 'closed', 'delayed'] as const;
export type TemplateClass = (typeof TEMPLATE_CLASSES)[number];

const CLASS_OF_KIND: Readonly<Record<NotificationKind, TemplateClass>> = {
  received: 'received',
  'supplement-required': 'action-required',
  'fee-required': 'action-required',
  'result-ready': 'result',
  returned: 'result',
  refused: 'closed',
  stopped: 'closed',
  delayed: 'delayed',
};

export function templateClassOf(kind: NotificationKind): TemplateClass {
  return CLASS_OF_KIND[kind];
}

/** The parameters each ZBS template class was approved with (what `template_data` carries). */
export const TEMPLATE_PARAMETERS: Readonly<Record<TemplateClass, readonly string[]>> = {
  received: ['procedure_name', 'receipt_code', 'due_date', 'link'],
  'action-required': ['procedure_name', 'receipt_code', 'status', 'detail', 'link'],
  result: ['procedure_name', 'receipt_code', 'status', 'detail', 'link'],
  closed: ['procedure_name', 'receipt_code', 'status', 'detail', 'link'],
  delayed: ['procedure_name', 'receipt_code', 'due_date', 'detail', 'link'],
};

/** ZBS template parameters are short strings; longer values are cut. */
export const TEMPLATE_VALUE_MAX_LENGTH = 200;

/** `template_data` of a ZBS message: the class's parameters, as strings, `link` the https deep link of the dossier. */
export function zbsTemplateData(
  kind: NotificationKind,
  content: { title: string; params: NotificationParams },
  link: string,
): Record<string, string> {
  const values: Record<string, string> = {
    procedure_name: content.params.procedureName,
    receipt_code: content.params.receiptCode ?? 'Chưa có',
    due_date: content.params.dueDate ?? 'Chưa có',
    status: content.title,
    detail: content.params.detail,
    link,
  };
  const data: Record<string, string> = {};
  for (const name of TEMPLATE_PARAMETERS[templateClassOf(kind)]) {
    data[name] = name === 'link' ? values[name] : clip(values[name], TEMPLATE_VALUE_MAX_LENGTH);
  }
  return data;
}

/** `templateData` of a mini app notification (reference: title ≤ 32, contentTitle, contentDescription, button). */
export function miniAppTemplateData(content: { title: string; body: string; params: NotificationParams }, link: string) {
  return {
    title: clip(content.title, TITLE_MAX_LENGTH),
    contentTitle: clip(content.params.procedureName, 100),
    contentDescription: clip(content.body, 500),
    buttonText: 'Xem hồ sơ',
    buttonUrl: link,
  };
}

/**
 * What to do about a Zalo answer (reference, "Error classes"):
 * `token`: refresh the OA token once and try again; `transient`: back off and retry; `tomorrow`: a daily limit,
 * try the next day; `after-quiet-hours`: try after 06:00; `permanent`: this recipient cannot get it, never retry;
 * `technical`: our request or configuration is wrong (bad body, wrong API key, an unknown code): do not retry.
 */
export type SendFailureClass = 'token' | 'transient' | 'tomorrow' | 'after-quiet-hours' | 'permanent' | 'technical';

const TOKEN_CODES = new Set([-124, -216, -220, 452]);
const TRANSIENT_CODES = new Set([-32, -100]);
const TOMORROW_CODES = new Set([-144, -147]);
const AFTER_QUIET_HOURS_CODES = new Set([-133, -234]);
const PERMANENT_CODES = new Set([-108, -114, -118, -119, -131, -139, -141]);

export function classifyZaloError(channel: ZaloChannel, code: number): SendFailureClass {
  if (TOKEN_CODES.has(code)) {
    // The mini app API takes an API key, not a token that can be refreshed: -124 there is a wrong key or app id.
    return channel === 'zbs' ? 'token' : 'technical';
  }
  if (TRANSIENT_CODES.has(code)) return 'transient';
  if (TOMORROW_CODES.has(code)) return 'tomorrow';
  if (AFTER_QUIET_HOURS_CODES.has(code)) return 'after-quiet-hours';
  if (PERMANENT_CODES.has(code)) return 'permanent';
  return 'technical';
}

/** The mini app channel: -141 the user has not allowed notifications (or took it back inside Zalo). */
export const MINI_APP_NOT_ALLOWED = -141;

// ---- The Vietnamese clock of sending: quiet hours and calendar days (Asia/Ho_Chi_Minh, UTC+7, no DST) ----

/**
 * Local minutes of the day; quiet from `start` to `end`, across midnight when start > end (22:00–06:00). `null`: no
 * quiet hours (a demo run at night; Zalo itself keeps its own).
 */
export interface QuietHours {
  startMinute: number;
  endMinute: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { startMinute: 22 * 60, endMinute: 6 * 60 };

/** "22:00-06:00" → minutes; null when malformed or empty. */
export function parseQuietHours(text: string): QuietHours | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  if (!match) return null;
  const startMinute = Number(match[1]) * 60 + Number(match[2]);
  const endMinute = Number(match[3]) * 60 + Number(match[4]);
  return startMinute === endMinute ? null : { startMinute, endMinute };
}

function minuteOfDay(instant: Date): number {
  const local = toVietnamLocal(instant);
  return local.hour * 60 + local.minute;
}

export function isQuietTime(instant: Date, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const minute = minuteOfDay(instant);
  return quiet.startMinute > quiet.endMinute
    ? minute >= quiet.startMinute || minute < quiet.endMinute
    : minute >= quiet.startMinute && minute < quiet.endMinute;
}

function atLocalMinute(instant: Date, dayOffset: number, minute: number): Date {
  const local = toVietnamLocal(instant);
  return fromVietnamLocal({
    year: local.year,
    month: local.month,
    day: local.day + dayOffset,
    hour: Math.floor(minute / 60),
    minute: minute % 60,
    second: 0,
  });
}

/** The first instant after `instant` at which quiet hours end (e.g. the next 06:00). */
export function endOfQuietHours(instant: Date, quiet: QuietHours | null): Date {
  if (!quiet) return instant;
  const today = atLocalMinute(instant, 0, quiet.endMinute);
  return today.getTime() > instant.getTime() ? today : atLocalMinute(instant, 1, quiet.endMinute);
}

/**
 * When a daily limit used up on the local day of `instant` lets messages go again: the next local day, once its quiet
 * hours are over (06:00 the next morning).
 */
export function nextSendingDay(instant: Date, quiet: QuietHours | null): Date {
  const midnight = atLocalMinute(instant, 1, 0);
  return isQuietTime(midnight, quiet) ? endOfQuietHours(midnight, quiet) : midnight;
}

/** [start, end) of the local calendar day `instant` falls on. */
export function vietnamDayBounds(instant: Date): { start: Date; end: Date } {
  return { start: atLocalMinute(instant, 0, 0), end: atLocalMinute(instant, 1, 0) };
}

export function sameVietnamDay(a: Date, b: Date): boolean {
  return vietnamDayBounds(a).start.getTime() === vietnamDayBounds(b).start.getTime();
}

/** Exponential backoff with jitter: base · 2^(attempt−1), capped, then between half and all of it. */
export function retryDelaySeconds(attempt: number, baseSeconds: number, maxSeconds: number, random: number): number {
  const full = Math.min(maxSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
  return full / 2 + (full / 2) * Math.min(1, Math.max(0, random));
}
