// Builds catalogue rows for one test at a time (no global seed), written through the same upserts as the seed.
import type { Queryable } from '../src/db/db';
import { upsertOffice, upsertProcedure } from '../src/db/seed';
import type { CatalogOffice, CatalogProcedure } from '@lao-cai-so/domain/catalog-schema';

let sequence = 0;
const next = () => ++sequence;

export function buildOffice(overrides: Partial<CatalogOffice> = {}): CatalogOffice {
  const n = next();
  return {
    code: String(10000 + n).padStart(5, '0'),
    name: `UBND xã Thử Nghiệm ${n}`,
    unitName: `Xã Thử Nghiệm ${n}`,
    type: 'xa',
    address: null,
    phone: null,
    openingHours: null,
    formerUnits: [],
    unconfirmed: [],
    ...overrides,
  };
}

export function buildProcedure(overrides: Partial<CatalogProcedure> = {}): CatalogProcedure {
  const n = next();
  return {
    code: `9.${String(n).padStart(6, '0')}`,
    localCode: null,
    name: `Thủ tục thử nghiệm ${n}`,
    field: 'Hộ tịch',
    level: 'commune',
    agency: 'Ủy ban nhân dân xã, phường',
    onlineLevel: 'partial',
    description: 'Mô tả ngắn của thủ tục.',
    processingTime: { text: 'Trong 3 ngày làm việc', workingDays: 3 },
    fees: [],
    documents: [],
    requirements: [],
    result: 'Giấy xác nhận',
    legalBasis: [],
    fields: [],
    popularRank: null,
    offices: null,
    unconfirmed: [],
    source: 'test factory',
    ...overrides,
  };
}

export async function insertOffices(db: Queryable, ...offices: CatalogOffice[]): Promise<CatalogOffice[]> {
  for (const office of offices) await upsertOffice(db, office);
  return offices;
}

export async function insertProcedures(db: Queryable, ...procedures: CatalogProcedure[]): Promise<CatalogProcedure[]> {
  for (const procedure of procedures) await upsertProcedure(db, procedure);
  return procedures;
}
