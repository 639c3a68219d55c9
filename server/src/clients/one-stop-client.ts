// The only code that talks to the provincial one-stop dossier system. Wire format: sandbox/README.md ("Simulated
// one-stop system"): DVCQG field names, dates `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, a multipart push with the dossier
// as JSON in part `HoSo` and one file part per document. The proxy's application id is the idempotency key
// (`MaHoSoLienThong` and `Idempotency-Key`), so a push repeated after a lost answer never makes a second dossier.
//
// No retries here: one call, one attempt within a timeout. Failures are classified so that the caller (the
// forwarding job, which pg-boss retries with backoff) knows whether trying again can help.
import type { z } from 'zod';
import { dossierListWire, dossierWire, type OneStopDossier } from './one-stop-wire';

export interface OneStopClientOptions {
  baseUrl: string;
  apiToken: string;
  timeoutMs: number;
}

export interface DossierDocument {
  /** The procedure's document code (MaGiayTo). */
  documentCode: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface DossierPush {
  /** The proxy's application id: MaHoSoLienThong and Idempotency-Key. */
  applicationId: string;
  procedureCode: string;
  procedureName: string;
  /** Receiving unit (MaDonVi): the office code. */
  unitCode: string;
  applicantName: string;
  /** Any Vietnamese form; sent as the national 0… form. */
  applicantPhone: string;
  applicantCitizenId?: string;
  /** The form's answers (DuLieuBieuMau). */
  formData: Record<string, unknown>;
  documents: DossierDocument[];
}

export type { OneStopDossier } from './one-stop-wire';

export interface PushResult {
  /** false when the one-stop system already had this dossier (a repeat of the key). */
  created: boolean;
  dossier: OneStopDossier;
}

/**
 * `transient`: network failure, timeout, HTTP 408/429/5xx, an answer that cannot be read, or our credentials refused
 * (401/403: a configuration to fix, after which trying again helps); `permanent`: the system refused this dossier
 * (other 4xx), so the same push will always be refused.
 */
export type OneStopFailureKind = 'transient' | 'permanent';

export class OneStopError extends Error {
  constructor(
    readonly kind: OneStopFailureKind,
    /** The one-stop system's error code (e.g. UNKNOWN_UNIT), or ours: NETWORK_ERROR, TIMEOUT, HTTP_503, BAD_ANSWER. */
    readonly code: string,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'OneStopError';
  }
}

/** 84912345678 or +84… → 0912345678, the form Vietnamese systems store. */
function nationalPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('84') && digits.length === 11 ? `0${digits.slice(2)}` : digits;
}

function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500 || status === 401 || status === 403;
}

export interface SupplementPush {
  /** The dossier's Id in the one-stop system. */
  dossierId: string;
  /** The proxy's supplement id: the Idempotency-Key, so a repeated push adds nothing. */
  supplementId: string;
  note: string | null;
  /** MaGiayTo carries the requested document's name: a supplement request lists names (TenGiayTo), not codes. */
  documents: DossierDocument[];
}

export interface OneStopClient {
  /** Pushes a dossier (idempotent by applicationId). Throws OneStopError. */
  pushDossier(push: DossierPush): Promise<PushResult>;
  /** The dossier pushed for an application, or null (after a lost answer, or for status checks). */
  findByApplicationId(applicationId: string): Promise<OneStopDossier | null>;
  /** The dossier with its whole QuaTrinhXuLy (the status poll). 404 throws OneStopError `DOSSIER_NOT_FOUND`. */
  getDossier(dossierId: string): Promise<OneStopDossier>;
  /** Sends the documents an officer asked for (status 5); the answer is the dossier after it. */
  pushSupplement(push: SupplementPush): Promise<{ created: boolean; dossier: OneStopDossier }>;
  /** The citizen withdraws the dossier (status 7); 409 WITHDRAWAL_NOT_ALLOWED once it is decided. */
  withdraw(dossierId: string, reason: string | null): Promise<OneStopDossier>;
}

export function createOneStopClient(options: OneStopClientOptions): OneStopClient {
  const baseUrl = options.baseUrl.replace(/\/$/, '');

  async function call(path: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${options.apiToken}`, accept: 'application/json', ...init.headers },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new OneStopError('transient', 'TIMEOUT', `no answer within ${options.timeoutMs} ms`);
      }
      throw new OneStopError('transient', 'NETWORK_ERROR', `network error: ${(error as Error).message}`);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw new OneStopError('transient', 'NETWORK_ERROR', `answer cut off: ${(error as Error).message}`, response.status);
    }
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null;
    }
    if (response.ok) {
      if (body === null) throw new OneStopError('transient', 'BAD_ANSWER', 'the answer is not JSON', response.status);
      return { status: response.status, body };
    }
    const errorBody = body as { code?: unknown; message?: unknown } | null;
    const code = typeof errorBody?.code === 'string' ? errorBody.code : `HTTP_${response.status}`;
    const message = typeof errorBody?.message === 'string' ? errorBody.message : `HTTP ${response.status}`;
    throw new OneStopError(isTransientStatus(response.status) ? 'transient' : 'permanent', code, message, response.status);
  }

  function parse<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new OneStopError('transient', 'BAD_ANSWER', `unexpected answer: ${parsed.error.issues[0]?.message ?? ''}`);
    }
    return parsed.data;
  }

  return {
    async pushDossier(push) {
      const parts = push.documents.map((document, index) => ({ ...document, part: `tep${index + 1}` }));
      const hoSo = {
        MaHoSoLienThong: push.applicationId,
        MaTTHC: push.procedureCode,
        TenTTHC: push.procedureName,
        MaDonVi: push.unitCode,
        ChuHoSo: push.applicantName,
        SoDienThoai: nationalPhone(push.applicantPhone),
        ...(push.applicantCitizenId ? { SoGiayToChuHoSo: push.applicantCitizenId } : {}),
        DuLieuBieuMau: push.formData,
        TaiLieuNop: parts.map((part) => ({ MaGiayTo: part.documentCode, TenTepDinhKem: part.fileName, TepDinhKem: part.part })),
      };
      const form = new FormData();
      form.append('HoSo', JSON.stringify(hoSo));
      for (const part of parts) {
        form.append(part.part, new Blob([part.bytes], { type: part.contentType }), part.fileName);
      }
      const { status, body } = await call('/one-stop/api/dossiers', {
        method: 'POST',
        headers: { 'idempotency-key': push.applicationId },
        body: form,
      });
      return { created: status === 201, dossier: parse(dossierWire, body) };
    },

    async findByApplicationId(applicationId) {
      const query = new URLSearchParams({ MaHoSoLienThong: applicationId });
      const { body } = await call(`/one-stop/api/dossiers?${query}`, { method: 'GET' });
      const list = parse(dossierListWire, body);
      return list.DanhSachHoSo[0] ?? null;
    },

    async getDossier(dossierId) {
      const { body } = await call(`/one-stop/api/dossiers/${encodeURIComponent(dossierId)}`, { method: 'GET' });
      return parse(dossierWire, body);
    },

    async pushSupplement(push) {
      const parts = push.documents.map((document, index) => ({ ...document, part: `tep${index + 1}` }));
      const boSung = {
        ...(push.note ? { GhiChu: push.note } : {}),
        TaiLieuNop: parts.map((part) => ({ MaGiayTo: part.documentCode, TenTepDinhKem: part.fileName, TepDinhKem: part.part })),
      };
      const form = new FormData();
      form.append('BoSung', JSON.stringify(boSung));
      for (const part of parts) {
        form.append(part.part, new Blob([part.bytes], { type: part.contentType }), part.fileName);
      }
      const { status, body } = await call(`/one-stop/api/dossiers/${encodeURIComponent(push.dossierId)}/supplements`, {
        method: 'POST',
        headers: { 'idempotency-key': push.supplementId },
        body: form,
      });
      return { created: status === 201, dossier: parse(dossierWire, body) };
    },

    async withdraw(dossierId, reason) {
      const { body } = await call(`/one-stop/api/dossiers/${encodeURIComponent(dossierId)}/withdrawal`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(reason ? { LyDo: reason } : {}),
      });
      return parse(dossierWire, body);
    },
  };
}
