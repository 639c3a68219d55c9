// A procedure with fields and documents, offices that do and do not handle it, and helpers to upload files and
// submit applications through the real app.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/db/db';
import type { CatalogOffice, CatalogProcedure } from '@lao-cai-so/domain/catalog-schema';
import { buildOffice, buildProcedure, insertOffices, insertProcedures } from '../factories';
import type { TestCitizen } from './citizens';
import { FILES, multipartForm } from './files';

export interface IntakeFixture {
  procedure: CatalogProcedure;
  office: CatalogOffice;
  /** A provincial desk: it does not handle commune-level procedures. */
  province: CatalogOffice;
}

/** The catalogue entries of an intake test, not yet stored (the one-stop sandbox needs them too). */
export function buildIntakeCatalog(): IntakeFixture {
  const office = buildOffice({ name: 'UBND xã Khao Mang', unitName: 'Xã Khao Mang' });
  const province = buildOffice({
    code: 'H38',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    unitName: 'Tỉnh Lào Cai',
    type: 'province',
  });
  const procedure = buildProcedure({
    name: 'Đăng ký khai sinh',
    processingTime: { text: 'Ngay trong ngày', workingDays: 1 },
    fields: [
      { code: 'child_full_name', type: 'text', label: 'Họ, chữ đệm và tên của trẻ', required: true, order: 1, maxLength: 100 },
      { code: 'child_birth_date', type: 'date', label: 'Ngày sinh của trẻ', required: true, order: 2, maxDate: 'today' },
      {
        code: 'child_sex',
        type: 'single-choice',
        label: 'Giới tính',
        required: true,
        order: 3,
        options: [
          { value: 'nam', label: 'Nam' },
          { value: 'nu', label: 'Nữ' },
        ],
      },
    ],
    documents: [
      { code: 'to-khai', name: 'Tờ khai đăng ký khai sinh', copies: 1, form: 'original', required: true, note: null },
      { code: 'giay-chung-sinh', name: 'Giấy chứng sinh', copies: 1, form: 'original', required: true, note: null },
      { code: 'giay-to-khac', name: 'Giấy tờ khác', copies: 1, form: 'copy', required: false, note: null },
    ],
  });
  return { procedure, office, province };
}

export async function insertIntakeCatalog(db: Queryable, fixture = buildIntakeCatalog()): Promise<IntakeFixture> {
  await insertOffices(db, fixture.office, fixture.province);
  await insertProcedures(db, fixture.procedure);
  return fixture;
}

export const VALID_FIELDS = {
  applicant_full_name: 'Giàng Thị Mỷ',
  applicant_phone: '0912000101',
  applicant_citizen_id: '010190001234',
  child_full_name: 'Giàng A Pó',
  child_birth_date: '2026-01-15',
  child_sex: 'nam',
};

export async function uploadFile(app: FastifyInstance, citizen: TestCitizen, bytes = FILES.jpeg(), name = 'anh.jpg') {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: citizen.auth,
    payload: multipartForm([{ bytes, name }]),
  });
  if (res.statusCode !== 201) throw new Error(`upload answered ${res.statusCode}: ${res.body}`);
  return res.json() as { id: string; size: number; contentType: string };
}

export async function validBody(app: FastifyInstance, citizen: TestCitizen, fixture: IntakeFixture) {
  const toKhai = await uploadFile(app, citizen, FILES.jpeg(3000), 'Tờ khai.jpg');
  const chungSinh = await uploadFile(app, citizen, FILES.pdf(4000), 'Giấy chứng sinh.pdf');
  return {
    procedureCode: fixture.procedure.code,
    officeCode: fixture.office.code,
    fields: { ...VALID_FIELDS },
    attachments: [
      { documentCode: 'to-khai', uploadId: toKhai.id },
      { documentCode: 'giay-chung-sinh', uploadId: chungSinh.id },
    ],
  };
}

export function submit(app: FastifyInstance, citizen: TestCitizen, body: unknown, key: string | null = randomUUID()) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/applications',
    headers: { ...citizen.auth, ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: body as Record<string, unknown>,
  });
}

export async function countRows(db: Queryable, table: 'applications' | 'application_attachments'): Promise<number> {
  return (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n;
}
