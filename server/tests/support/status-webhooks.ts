// Status webhooks as the one-stop system sends them (sandbox/README.md, "Status webhooks"), built and signed by the
// test itself with node:crypto, independently of the receiver under test.
import { createHmac, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type IntakeFixture, submit, validBody } from './applications';
import type { TestCitizen } from './citizens';

export const TEST_WEBHOOK_SECRET = 'server-tests-webhook-secret-0123456789';

export interface WebhookFacts {
  applicationId: string;
  dossierId: string;
  status: number;
  /** yyyyMMddHHmmss, Vietnam time. */
  occurredAt: string;
  eventId?: string;
  action?: string;
  receiptCode?: string | null;
  dueAt?: string | null;
  note?: string;
  officer?: string;
  /** Any other field of the body (LyDo, DanhSachHoSoBoSung, …). */
  extra?: Record<string, unknown>;
}

export function webhookBody(facts: WebhookFacts): Record<string, unknown> {
  return {
    eventId: facts.eventId ?? randomUUID(),
    occurredAt: facts.occurredAt,
    action: facts.action ?? 'start-processing',
    Id: facts.dossierId,
    MaHoSoLienThong: facts.applicationId,
    MaHoSo: facts.receiptCode === undefined ? '04465-260302-0001' : facts.receiptCode,
    MaTTHC: '1.001193',
    MaDonVi: '04465',
    TrangThaiHoSo: facts.status,
    TenTrangThaiHoSo: 'x',
    NgayTiepNhan: '20260302090000',
    NgayHenTra: facts.dueAt === undefined ? '20260304170000' : facts.dueAt,
    NgayTra: null,
    BuocXuLy: {
      NguoiXuLy: facts.officer ?? 'Cán bộ một cửa',
      PhongBanXuLy: 'Bộ phận tiếp nhận và trả kết quả',
      NoiDungXuLy: facts.note ?? `Bước ${facts.status} lúc ${facts.occurredAt}`,
      ThoiDiemXuLy: facts.occurredAt,
      TrangThai: facts.status,
    },
    LyDo: null,
    DanhSachHoSoBoSung: [],
    DanhSachLePhi: [],
    ThongTinTraKetQua: null,
    DanhSachXinLoi: [],
    DanhSachGiayToKetQua: [],
    ...facts.extra,
  };
}

export function sign(secret: string, timestamp: number, raw: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;
}

export interface DeliveryOptions {
  secret?: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  /** Override or drop (null) the headers. */
  signature?: string | null;
  timestampHeader?: string | null;
}

/** POSTs a raw body the way the one-stop system does. */
export function deliverRaw(app: FastifyInstance, raw: string, options: DeliveryOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  const stamp = options.timestampHeader === undefined ? String(timestamp) : options.timestampHeader;
  if (stamp !== null) headers['x-onestop-timestamp'] = stamp;
  const signature = options.signature === undefined ? sign(options.secret ?? TEST_WEBHOOK_SECRET, timestamp, raw) : options.signature;
  if (signature !== null) headers['x-onestop-signature'] = signature;
  return app.inject({ method: 'POST', url: '/api/v1/webhooks/one-stop', headers, payload: raw });
}

export function deliver(app: FastifyInstance, body: Record<string, unknown>, options: DeliveryOptions = {}) {
  return deliverRaw(app, JSON.stringify(body), options);
}

/** Delivers the webhook of `facts`, expects the receiver to take it (200), and gives its answer. */
export async function deliverAccepted(app: FastifyInstance, facts: WebhookFacts) {
  const res = await deliver(app, webhookBody(facts));
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** A submitted application (not yet forwarded: no worker runs) and the one-stop dossier id its webhooks carry. */
export async function submittedApplication(app: FastifyInstance, citizen: TestCitizen, fixture: IntakeFixture) {
  const res = await submit(app, citizen, await validBody(app, citizen, fixture));
  expect(res.statusCode).toBe(201);
  return { applicationId: res.json().id as string, dossierId: randomUUID() };
}
