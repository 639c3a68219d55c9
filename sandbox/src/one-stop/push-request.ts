import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { SandboxError } from '../errors';
import type { NewDossier, StoredDocument } from './dossier-store';
import type { SupplementUpload } from './dossier-workflow';

/** The multipart field that carries the dossier as JSON; every other part is a document file. */
export const DOSSIER_PART = 'HoSo';
/** The multipart field that carries a supplement's JSON (`POST /one-stop/api/dossiers/:id/supplements`). */
export const SUPPLEMENT_PART = 'BoSung';

const text = (max: number) => z.string().trim().min(1).max(max);

const documentEntry = z.object({
  MaGiayTo: text(100),
  TenTepDinhKem: text(255),
  /** Name of the multipart part holding this document's bytes. */
  TepDinhKem: text(100),
});

/** The `HoSo` part of `POST /one-stop/api/dossiers` (sandbox/README.md, "Push a dossier"). */
const hoSoSchema = z.object({
  MaHoSoLienThong: text(100).optional(),
  MaTTHC: text(50),
  TenTTHC: text(500).optional(),
  MaDonVi: text(20),
  ChuHoSo: text(200),
  SoDienThoai: z.string().regex(/^\+?\d{9,15}$/),
  SoGiayToChuHoSo: z.string().regex(/^\d{12}$/).optional(),
  DiaChiChuHoSo: text(500).optional(),
  Email: z.email().optional(),
  TrichYeuHoSo: text(2000).optional(),
  DuLieuBieuMau: z.record(z.string(), z.unknown()).default({}),
  TaiLieuNop: z.array(documentEntry).default([]),
});

type HoSo = z.infer<typeof hoSoSchema>;

/** The `BoSung` part of a supplement: the added documents, at least one, and an optional note. */
const boSungSchema = z.object({
  GhiChu: text(2000).optional(),
  TaiLieuNop: z.array(documentEntry).min(1),
});

interface FilePart {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const bad = (code: string, message: string) => new SandboxError(400, code, message);

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

/** Turns the limits of @fastify/multipart into this API's errors. */
function multipartError(error: unknown, limits: { maxDocumentBytes: number; maxDocuments: number }): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    const megabytes = Math.floor(limits.maxDocumentBytes / (1024 * 1024));
    return new SandboxError(413, 'DOCUMENT_TOO_LARGE', `Mỗi tệp đính kèm tối đa ${megabytes} MB.`);
  }
  if (code === 'FST_FILES_LIMIT') {
    return new SandboxError(413, 'TOO_MANY_DOCUMENTS', `Mỗi hồ sơ tối đa ${limits.maxDocuments} tệp đính kèm.`);
  }
  if (code === 'FST_FIELDS_LIMIT') {
    return new SandboxError(413, 'TOO_MANY_PARTS', 'Yêu cầu có quá nhiều phần.');
  }
  return error;
}

async function readParts(
  request: FastifyRequest,
  limits: { maxDocumentBytes: number; maxDocuments: number },
  jsonPart = DOSSIER_PART,
): Promise<{ hoSoText: string | undefined; files: Map<string, FilePart> }> {
  let hoSoText: string | undefined;
  const files = new Map<string, FilePart>();
  try {
    for await (const part of request.parts()) {
      if (part.fieldname === jsonPart) {
        if (hoSoText !== undefined) throw bad('DUPLICATE_PART', `Phần "${jsonPart}" chỉ được gửi một lần.`);
        // Some clients send the JSON as a file part (a Blob); both are accepted.
        hoSoText = part.type === 'file' ? (await part.toBuffer()).toString('utf8') : String(part.value);
      } else if (part.type === 'file') {
        if (files.has(part.fieldname)) throw bad('DUPLICATE_PART', `Phần "${part.fieldname}" được gửi hai lần.`);
        files.set(part.fieldname, { fileName: part.filename, contentType: part.mimetype, content: await part.toBuffer() });
      } else {
        throw bad('UNKNOWN_PART', `Phần "${part.fieldname}" không được hỗ trợ; dữ liệu hồ sơ gửi trong "${jsonPart}".`);
      }
    }
  } catch (error) {
    throw multipartError(error, limits);
  }
  return { hoSoText, files };
}

function parseHoSo(hoSoText: string | undefined): HoSo {
  if (hoSoText === undefined) throw bad('MISSING_DOSSIER', `Thiếu phần "${DOSSIER_PART}" chứa dữ liệu hồ sơ (JSON).`);
  let json: unknown;
  try {
    json = JSON.parse(hoSoText);
  } catch {
    throw bad('INVALID_DOSSIER_JSON', `Phần "${DOSSIER_PART}" không phải JSON hợp lệ.`);
  }
  const result = hoSoSchema.safeParse(json);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || DOSSIER_PART))];
    throw bad('VALIDATION_ERROR', `Dữ liệu hồ sơ không hợp lệ ở trường: ${fields.join(', ')}.`);
  }
  return result.data;
}

function headerKey(request: FastifyRequest): string | undefined {
  const header = request.headers['idempotency-key'];
  return typeof header === 'string' && header.trim() !== '' ? header.trim() : undefined;
}

function idempotencyKeyOf(request: FastifyRequest, hoSo: HoSo): string {
  const fromHeader = headerKey(request);
  if (fromHeader !== undefined && hoSo.MaHoSoLienThong !== undefined && fromHeader !== hoSo.MaHoSoLienThong) {
    throw bad('IDEMPOTENCY_KEY_MISMATCH', 'Idempotency-Key khác với MaHoSoLienThong trong hồ sơ.');
  }
  const key = fromHeader ?? hoSo.MaHoSoLienThong;
  if (key === undefined) {
    throw bad('MISSING_IDEMPOTENCY_KEY', 'Thiếu mã hồ sơ liên thông (MaHoSoLienThong hoặc header Idempotency-Key).');
  }
  if (key.length > 100) throw bad('VALIDATION_ERROR', 'Idempotency-Key dài quá 100 ký tự.');
  return key;
}

function documentsOf(hoSo: Pick<HoSo, 'TaiLieuNop'>, files: Map<string, FilePart>): Omit<StoredDocument, 'id'>[] {
  const used = new Set<string>();
  const documents = hoSo.TaiLieuNop.map((entry) => {
    const file = files.get(entry.TepDinhKem);
    if (!file) throw bad('MISSING_DOCUMENT_PART', `Không có phần tệp "${entry.TepDinhKem}" cho giấy tờ ${entry.MaGiayTo}.`);
    if (used.has(entry.TepDinhKem)) throw bad('DUPLICATE_PART', `Phần tệp "${entry.TepDinhKem}" được dùng hai lần.`);
    if (file.content.length === 0) throw bad('EMPTY_DOCUMENT', `Tệp "${entry.TenTepDinhKem}" rỗng.`);
    used.add(entry.TepDinhKem);
    return {
      documentCode: entry.MaGiayTo,
      fileName: entry.TenTepDinhKem,
      contentType: file.contentType || 'application/octet-stream',
      size: file.content.length,
      sha256: sha256(file.content),
      content: file.content,
    };
  });
  const unused = [...files.keys()].filter((name) => !used.has(name));
  if (unused.length > 0) {
    throw bad('UNREFERENCED_DOCUMENT_PART', `Phần tệp không có trong TaiLieuNop: ${unused.join(', ')}.`);
  }
  return documents;
}

function requireMultipart(request: FastifyRequest, jsonPart: string): void {
  if (!request.isMultipart()) {
    throw new SandboxError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      `Yêu cầu phải gửi dạng multipart/form-data: phần "${jsonPart}" (JSON) và các tệp đính kèm.`,
    );
  }
}

/**
 * Reads and checks a supplement: the `BoSung` JSON part and one file part per `TaiLieuNop[]` entry, with an
 * `Idempotency-Key` header (the proxy's id for this upload).
 */
export async function readSupplementRequest(
  request: FastifyRequest,
  limits: { maxDocumentBytes: number; maxDocuments: number },
): Promise<SupplementUpload> {
  requireMultipart(request, SUPPLEMENT_PART);
  const key = headerKey(request);
  if (key === undefined) throw bad('MISSING_IDEMPOTENCY_KEY', 'Thiếu header Idempotency-Key cho lần bổ sung.');
  if (key.length > 100) throw bad('VALIDATION_ERROR', 'Idempotency-Key dài quá 100 ký tự.');
  const { hoSoText, files } = await readParts(request, limits, SUPPLEMENT_PART);
  if (hoSoText === undefined) throw bad('MISSING_SUPPLEMENT', `Thiếu phần "${SUPPLEMENT_PART}" chứa dữ liệu bổ sung (JSON).`);
  let json: unknown;
  try {
    json = JSON.parse(hoSoText);
  } catch {
    throw bad('INVALID_SUPPLEMENT_JSON', `Phần "${SUPPLEMENT_PART}" không phải JSON hợp lệ.`);
  }
  const parsed = boSungSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || SUPPLEMENT_PART))];
    throw bad('VALIDATION_ERROR', `Dữ liệu bổ sung không hợp lệ ở trường: ${fields.join(', ')}.`);
  }
  const documents = documentsOf(parsed.data, files);
  const fingerprint = sha256(
    JSON.stringify({ content: parsed.data, documents: documents.map((document) => document.sha256) }),
  );
  return { idempotencyKey: key, fingerprint, note: parsed.data.GhiChu, documents };
}

/** Reads and checks a multipart push: the `HoSo` JSON part and one file part per `TaiLieuNop[]` entry. */
export async function readPushRequest(
  request: FastifyRequest,
  limits: { maxDocumentBytes: number; maxDocuments: number },
): Promise<NewDossier> {
  requireMultipart(request, DOSSIER_PART);
  const { hoSoText, files } = await readParts(request, limits);
  const hoSo = parseHoSo(hoSoText);
  const idempotencyKey = idempotencyKeyOf(request, hoSo);
  const documents = documentsOf(hoSo, files);
  // The key may come from the header or the body: it is not part of the content compared between repeats.
  const { MaHoSoLienThong: _key, ...content } = hoSo;
  const fingerprint = sha256(JSON.stringify({ content, documents: documents.map((document) => document.sha256) }));
  return {
    idempotencyKey,
    fingerprint,
    procedureCode: hoSo.MaTTHC,
    unitCode: hoSo.MaDonVi,
    applicant: {
      name: hoSo.ChuHoSo,
      phone: hoSo.SoDienThoai,
      ...(hoSo.SoGiayToChuHoSo !== undefined ? { idNumber: hoSo.SoGiayToChuHoSo } : {}),
      ...(hoSo.DiaChiChuHoSo !== undefined ? { address: hoSo.DiaChiChuHoSo } : {}),
      ...(hoSo.Email !== undefined ? { email: hoSo.Email } : {}),
    },
    summary: hoSo.TrichYeuHoSo,
    formData: hoSo.DuLieuBieuMau,
    documents,
  };
}
