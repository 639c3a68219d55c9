import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { SandboxError } from '../errors';
import { dayNumberOf, vietnamDate, vietnamInstant } from '../vietnam-time';
import { type Dossier, type DossierStore, ONE_STOP_DESK, type ProgressStep, type StoredDocument, notFound } from './dossier-store';
import { type DossierStatus, STATUS, STATUS_NAMES, mayFollow } from './dossier-statuses';
import { webhookPayload } from './dossier-view';
import { formatVietnameseDate } from './dvcqg-date';
import type { WebhookSender } from './webhooks';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value));

/** One line a document; a form sends them in a textarea, the JSON API as an array. */
const documentList = z
  .union([z.array(z.string()), z.string()])
  .transform((value) => (Array.isArray(value) ? value : value.split(/\r?\n/)).map((line) => line.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(300)).min(1).max(30));

const common = { officer: optionalText(200), note: optionalText(2000) };

export const PICKUP_METHODS = [
  'Nhận trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
  'Nhận qua dịch vụ bưu chính công ích',
  'Nhận bản điện tử trên Cổng dịch vụ công',
] as const;

const DEFAULT_PAYMENT_METHOD =
  'Nộp trực tuyến trên Cổng dịch vụ công quốc gia hoặc nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả.';

/** What an officer can do, the status it leads to (null: the status stays), its button and its input. */
export const OFFICER_ACTIONS = {
  accept: { to: 2, label: 'Tiếp nhận', done: 'Đã tiếp nhận hồ sơ.', input: z.object(common) },
  'request-supplement': {
    to: 5,
    label: 'Yêu cầu bổ sung',
    done: 'Đã gửi yêu cầu bổ sung giấy tờ.',
    input: z.object({ ...common, documents: documentList }),
  },
  'request-fee': {
    to: 6,
    label: 'Yêu cầu nộp phí',
    done: 'Đã gửi yêu cầu nộp phí.',
    input: z.object({
      ...common,
      amount: z.coerce.number().int().min(1).max(1_000_000_000),
      description: text(500),
      paymentMethod: optionalText(500),
    }),
  },
  'start-processing': { to: 4, label: 'Chuyển xử lý', done: 'Đã chuyển hồ sơ sang xử lý.', input: z.object(common) },
  delay: {
    to: null,
    label: 'Gia hạn (xin lỗi)',
    done: 'Đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.',
    input: z.object({ ...common, newDueDate: z.iso.date(), apology: text(2000) }),
  },
  'mark-result-ready': {
    to: 9,
    label: 'Có kết quả',
    done: 'Đã báo có kết quả.',
    input: z.object({ ...common, pickupPlace: text(500), pickupMethod: text(200) }),
  },
  'return-result': { to: 10, label: 'Trả kết quả', done: 'Đã trả kết quả.', input: z.object(common) },
  refuse: { to: 3, label: 'Từ chối tiếp nhận', done: 'Đã từ chối tiếp nhận hồ sơ.', input: z.object({ ...common, reason: text(2000) }) },
  stop: { to: 8, label: 'Dừng xử lý', done: 'Đã dừng xử lý hồ sơ.', input: z.object({ ...common, reason: text(2000) }) },
} as const satisfies Record<string, { to: DossierStatus | null; label: string; done: string; input: z.ZodType }>;

export type OfficerAction = keyof typeof OFFICER_ACTIONS;
export const OFFICER_ACTION_NAMES = Object.keys(OFFICER_ACTIONS) as OfficerAction[];

export function isOfficerAction(name: string): name is OfficerAction {
  return Object.hasOwn(OFFICER_ACTIONS, name);
}

/** A delay (Mẫu 04) applies while the office holds the dossier with a due date running. */
const DELAYABLE: ReadonlySet<DossierStatus> = new Set([STATUS.ACCEPTED, STATUS.IN_PROCESS]);

/** The actions the status model allows on this dossier now, in the order of OFFICER_ACTIONS. */
export function allowedActions(dossier: Dossier): OfficerAction[] {
  return OFFICER_ACTION_NAMES.filter((name) => {
    const target = OFFICER_ACTIONS[name].to;
    return target === null ? DELAYABLE.has(dossier.status) && dossier.dueAt !== null : mayFollow(dossier.status, target);
  });
}

export interface SupplementUpload {
  idempotencyKey: string;
  fingerprint: string;
  note: string | undefined;
  documents: Omit<StoredDocument, 'id'>[];
}

const DEFAULT_OFFICER = 'Cán bộ một cửa';
const SPECIALIST_DEPARTMENT = 'Bộ phận chuyên môn';

function validationError(error: z.ZodError): SandboxError {
  const fields = [...new Set(error.issues.map((issue) => issue.path.join('.') || 'body'))];
  return new SandboxError(400, 'VALIDATION_ERROR', `Thông tin chưa hợp lệ ở trường: ${fields.join(', ')}.`);
}

const money = (amount: number) => `${amount.toLocaleString('vi-VN')} đồng`;

/**
 * Every change of a dossier after it was pushed: officer actions, the citizen's supplements and withdrawal. Each checks
 * the transition against the sandbox's own status table (dossier-statuses.ts), records a progress step, and sends
 * one signed webhook to the proxy.
 */
export class DossierWorkflow {
  constructor(
    private readonly store: DossierStore,
    private readonly webhooks: WebhookSender,
    private readonly now: Clock,
  ) {}

  get(id: string): Dossier {
    const dossier = this.store.get(id);
    if (!dossier) throw notFound();
    return dossier;
  }

  /** Runs an officer action on raw input (a form or JSON): validates it, checks the transition, applies it. */
  perform(id: string, action: OfficerAction, rawInput: unknown): Dossier {
    const dossier = this.get(id);
    const parsed = OFFICER_ACTIONS[action].input.safeParse(rawInput ?? {});
    if (!parsed.success) throw validationError(parsed.error);
    if (!allowedActions(dossier).includes(action)) {
      throw new SandboxError(
        409,
        'FORBIDDEN_TRANSITION',
        `Không thể "${OFFICER_ACTIONS[action].label}" hồ sơ đang ở trạng thái "${STATUS_NAMES[dossier.status]}".`,
      );
    }
    const at = new Date(this.now());
    const input = parsed.data as Record<string, unknown> & { officer?: string; note?: string };
    const officer = input.officer ?? DEFAULT_OFFICER;
    const withNote = (sentence: string) => (input.note ? `${sentence} ${input.note}` : sentence);

    switch (action) {
      case 'accept':
        this.accept(dossier, at, officer);
        break;
      case 'request-supplement': {
        const documents = input.documents as string[];
        dossier.supplements.push({
          id: randomUUID(),
          requestedAt: at,
          documents,
          note: input.note ?? null,
          previousDueAt: dossier.dueAt,
          newDueAt: null,
          suppliedAt: null,
          documentIds: [],
        });
        this.change(dossier, action, STATUS.SUPPLEMENT_REQUIRED, {
          actor: officer,
          department: ONE_STOP_DESK,
          note: withNote(`Yêu cầu bổ sung giấy tờ: ${documents.join('; ')}.`),
          at,
        });
        break;
      }
      case 'request-fee': {
        const amount = input.amount as number;
        const description = input.description as string;
        dossier.fees.push({
          id: randomUUID(),
          requestedAt: at,
          amount,
          description,
          paymentMethod: (input.paymentMethod as string | undefined) ?? DEFAULT_PAYMENT_METHOD,
          paid: false,
        });
        this.change(dossier, action, STATUS.FEE_REQUIRED, {
          actor: officer,
          department: ONE_STOP_DESK,
          note: withNote(`Yêu cầu nộp ${money(amount)}: ${description}.`),
          at,
        });
        break;
      }
      case 'start-processing':
        if (dossier.status === STATUS.SUPPLEMENT_REQUIRED) {
          // The citizen brought the supplement to the desk: the time limit starts again, as for one sent online.
          this.resumeAfterSupplement(dossier, at, officer, withNote('Công dân đã bổ sung giấy tờ tại Bộ phận một cửa.'), []);
          break;
        }
        this.markFeesPaid(dossier);
        this.change(dossier, action, STATUS.IN_PROCESS, {
          actor: officer,
          department: SPECIALIST_DEPARTMENT,
          note: withNote('Chuyển hồ sơ sang bộ phận chuyên môn xử lý.'),
          at,
        });
        break;
      case 'delay':
        this.delay(dossier, at, officer, input.newDueDate as string, input.apology as string);
        break;
      case 'mark-result-ready': {
        const place = input.pickupPlace as string;
        const method = input.pickupMethod as string;
        this.markFeesPaid(dossier);
        dossier.resultPickup = { readyAt: at, place, method, note: input.note ?? null };
        this.change(dossier, action, STATUS.RESULT_READY, {
          actor: officer,
          department: SPECIALIST_DEPARTMENT,
          note: withNote(`Đã có kết quả giải quyết. Nơi nhận: ${place}. Hình thức: ${method}.`),
          at,
        });
        break;
      }
      case 'return-result':
        dossier.returnedAt = at;
        this.change(dossier, action, STATUS.RESULT_RETURNED, {
          actor: officer,
          department: ONE_STOP_DESK,
          note: withNote('Đã trả kết quả cho công dân.'),
          at,
        });
        break;
      case 'refuse':
      case 'stop': {
        const reason = input.reason as string;
        dossier.reason = reason;
        const refused = action === 'refuse';
        this.change(dossier, action, refused ? STATUS.REFUSED : STATUS.STOPPED, {
          actor: officer,
          department: refused ? ONE_STOP_DESK : SPECIALIST_DEPARTMENT,
          note: `${refused ? 'Không tiếp nhận hồ sơ' : 'Dừng xử lý hồ sơ'}. Lý do: ${reason}`,
          at,
        });
        break;
      }
    }
    return dossier;
  }

  /** Acceptance (Mẫu 01): receipt code, receipt time, due date by the working-day rule. */
  accept(dossier: Dossier, at: Date, officer: string): void {
    dossier.receiptCode = this.store.nextReceiptCode(dossier.unit.code, at);
    dossier.receivedAt = at;
    dossier.dueAt = this.store.calendar.dueDate(at, this.store.workingDaysOf(dossier));
    this.change(dossier, 'accept', STATUS.ACCEPTED, {
      actor: officer,
      department: ONE_STOP_DESK,
      note: `Tiếp nhận hồ sơ, cấp mã hồ sơ ${dossier.receiptCode}; hẹn trả kết quả ngày ${formatVietnameseDate(dossier.dueAt)}.`,
      at,
    });
  }

  /**
   * The citizen's supplement, pushed by the proxy: the documents join the dossier, processing resumes (5→4) and the
   * due date is counted again from now. Idempotent by key: a repeat answers the dossier as it is now.
   */
  supplement(id: string, upload: SupplementUpload): { dossier: Dossier; created: boolean } {
    const earlier = this.store.supplementFor(upload.idempotencyKey, upload.fingerprint);
    if (earlier) {
      if (earlier.id !== id) {
        throw new SandboxError(422, 'IDEMPOTENCY_KEY_REUSED', 'Mã yêu cầu này đã được dùng cho hồ sơ khác.');
      }
      return { dossier: earlier, created: false };
    }
    const dossier = this.get(id);
    if (dossier.status !== STATUS.SUPPLEMENT_REQUIRED) {
      throw new SandboxError(409, 'SUPPLEMENT_NOT_REQUESTED', 'Hồ sơ không ở trạng thái chờ bổ sung giấy tờ.');
    }
    const documents = upload.documents.map((document) => ({ ...document, id: randomUUID() }));
    dossier.documents.push(...documents);
    this.store.rememberSupplement(upload.idempotencyKey, upload.fingerprint, dossier.id);
    const note = `Công dân đã bổ sung ${documents.length} giấy tờ trực tuyến${upload.note ? `: ${upload.note}` : ''}.`;
    this.resumeAfterSupplement(dossier, new Date(this.now()), 'Công dân', note, documents.map((document) => document.id));
    return { dossier, created: true };
  }

  /** The citizen withdraws an undecided dossier (→7). A repeat on a withdrawn dossier answers it unchanged. */
  withdraw(id: string, reason: string | undefined): { dossier: Dossier; changed: boolean } {
    const dossier = this.get(id);
    if (dossier.status === STATUS.WITHDRAWN) return { dossier, changed: false };
    if (!mayFollow(dossier.status, STATUS.WITHDRAWN)) {
      throw new SandboxError(
        409,
        'WITHDRAWAL_NOT_ALLOWED',
        `Không thể rút hồ sơ đang ở trạng thái "${STATUS_NAMES[dossier.status]}".`,
      );
    }
    dossier.reason = reason ?? null;
    this.change(dossier, 'withdrawal', STATUS.WITHDRAWN, {
      actor: 'Công dân',
      department: ONE_STOP_DESK,
      note: `Công dân yêu cầu rút hồ sơ${reason ? `. Lý do: ${reason}` : ''}.`,
      at: new Date(this.now()),
    });
    return { dossier, changed: true };
  }

  private resumeAfterSupplement(dossier: Dossier, at: Date, actor: string, note: string, documentIds: string[]): void {
    const dueAt = this.store.calendar.dueDate(at, this.store.workingDaysOf(dossier));
    const request = dossier.supplements.at(-1);
    if (request) {
      request.suppliedAt = at;
      request.newDueAt = dueAt;
      request.documentIds = documentIds;
    }
    dossier.dueAt = dueAt;
    this.change(dossier, 'supplement-received', STATUS.IN_PROCESS, {
      actor,
      department: ONE_STOP_DESK,
      note: `${note} Hẹn trả kết quả mới ngày ${formatVietnameseDate(dueAt)}.`,
      at,
    });
  }

  private delay(dossier: Dossier, at: Date, officer: string, newDueDate: string, apology: string): void {
    const current = dossier.dueAt!;
    if (newDueDate <= vietnamDate(current)) {
      throw new SandboxError(400, 'INVALID_DUE_DATE', `Ngày hẹn mới phải sau ngày hẹn hiện tại (${formatVietnameseDate(current)}).`);
    }
    if (!this.store.calendar.isWorkingDay(newDueDate)) {
      throw new SandboxError(400, 'INVALID_DUE_DATE', 'Ngày hẹn mới phải là ngày làm việc.');
    }
    const newDueAt = vietnamInstant(dayNumberOf(newDueDate), 17);
    dossier.apologies.push({ at, message: apology, previousDueAt: current, newDueAt });
    dossier.dueAt = newDueAt;
    this.record(dossier, 'delay', {
      actor: officer,
      department: SPECIALIST_DEPARTMENT,
      note: `Xin lỗi vì chậm trả kết quả: ${apology} Hẹn lại ngày trả kết quả: ${formatVietnameseDate(newDueAt)}.`,
      at,
      status: dossier.status,
    });
  }

  private markFeesPaid(dossier: Dossier): void {
    if (dossier.status !== STATUS.FEE_REQUIRED) return;
    for (const fee of dossier.fees) fee.paid = true;
  }

  private change(dossier: Dossier, action: string, to: DossierStatus, step: Omit<ProgressStep, 'status'>): void {
    if (!mayFollow(dossier.status, to)) {
      // The callers check first; this guards the model against a slip in this file.
      throw new SandboxError(409, 'FORBIDDEN_TRANSITION', `Không thể chuyển hồ sơ sang trạng thái "${STATUS_NAMES[to]}".`);
    }
    dossier.status = to;
    this.record(dossier, action, { ...step, status: to });
  }

  private record(dossier: Dossier, action: string, step: ProgressStep): void {
    dossier.progress.push(step);
    const eventId = randomUUID();
    this.webhooks.send(
      { eventId, action, MaHoSoLienThong: dossier.idempotencyKey, TrangThaiHoSo: dossier.status },
      webhookPayload(dossier, { eventId, action, step }),
    );
  }
}
