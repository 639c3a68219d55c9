// Loads the seed catalogue (data/README.md) into the database: upsert by code, and rows no longer in the
// files are kept but marked inactive so that applications pointing at them stay readable.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  type Catalog,
  type CatalogOffice,
  type CatalogProcedure,
  findCatalogProblems,
  officesFileSchema,
  proceduresFileSchema,
} from '@lao-cai-so/domain/catalog-schema';
import { joinSearchTexts, normalizeSearchText } from '@lao-cai-so/domain/search-text';
import type { Db, Queryable } from './db';

export const OFFICES_FILE = 'offices.json';
export const PROCEDURES_FILE = 'procedures.json';

export class CatalogFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed catalogue is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CatalogFileError';
  }
}

function readJsonFile<Schema extends z.ZodType>(file: string, schema: Schema): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CatalogFileError([`${file}: ${(error as Error).message}`]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new CatalogFileError(
      parsed.error.issues.map((issue) => `${path.basename(file)} ${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return parsed.data;
}

export function catalogFilesExist(dataDir: string): boolean {
  return [OFFICES_FILE, PROCEDURES_FILE].every((file) => fs.existsSync(path.join(dataDir, file)));
}

/** Reads and validates offices.json and procedures.json; throws CatalogFileError listing every problem. */
export function readCatalog(dataDir: string): Catalog {
  const { offices } = readJsonFile(path.join(dataDir, OFFICES_FILE), officesFileSchema);
  const { procedures } = readJsonFile(path.join(dataDir, PROCEDURES_FILE), proceduresFileSchema);
  const catalog = { offices, procedures };
  const problems = findCatalogProblems(catalog);
  if (problems.length > 0) throw new CatalogFileError(problems);
  return catalog;
}

export async function upsertOffice(db: Queryable, office: CatalogOffice): Promise<void> {
  const searchName = joinSearchTexts([office.unitName, office.name]);
  await db.query(
    `insert into offices (code, name, unit_name, type, address, phone, opening_hours, former_units, unconfirmed,
       search_name, search_text, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, true)
     on conflict (code) do update set
       name = excluded.name, unit_name = excluded.unit_name, type = excluded.type, address = excluded.address,
       phone = excluded.phone, opening_hours = excluded.opening_hours, former_units = excluded.former_units,
       unconfirmed = excluded.unconfirmed, search_name = excluded.search_name, search_text = excluded.search_text,
       active = true, updated_at = now()`,
    [
      office.code,
      office.name,
      office.unitName,
      office.type,
      office.address,
      office.phone,
      office.openingHours,
      office.formerUnits,
      office.unconfirmed,
      searchName,
      [searchName, joinSearchTexts(office.formerUnits)].filter(Boolean).join(' / '),
    ],
  );
}

export async function upsertProcedure(db: Queryable, procedure: CatalogProcedure): Promise<void> {
  await db.query(
    `insert into procedures (code, local_code, name, field, level, agency, online_level, description,
       processing_time_text, processing_time_working_days, fees, documents, requirements, result, legal_basis,
       fields, popular_rank, office_codes, unconfirmed, source, search_name, search_text, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::jsonb, $14, $15::jsonb,
       $16::jsonb, $17, $18, $19, $20, $21, $22, true)
     on conflict (code) do update set
       local_code = excluded.local_code, name = excluded.name, field = excluded.field, level = excluded.level,
       agency = excluded.agency, online_level = excluded.online_level, description = excluded.description,
       processing_time_text = excluded.processing_time_text,
       processing_time_working_days = excluded.processing_time_working_days, fees = excluded.fees,
       documents = excluded.documents, requirements = excluded.requirements, result = excluded.result,
       legal_basis = excluded.legal_basis, fields = excluded.fields, popular_rank = excluded.popular_rank,
       office_codes = excluded.office_codes, unconfirmed = excluded.unconfirmed, source = excluded.source,
       search_name = excluded.search_name, search_text = excluded.search_text, active = true, updated_at = now()`,
    [
      procedure.code,
      procedure.localCode,
      procedure.name,
      procedure.field,
      procedure.level,
      procedure.agency,
      procedure.onlineLevel,
      procedure.description,
      procedure.processingTime.text,
      procedure.processingTime.workingDays,
      JSON.stringify(procedure.fees),
      JSON.stringify(procedure.documents),
      JSON.stringify(procedure.requirements),
      procedure.result,
      JSON.stringify(procedure.legalBasis),
      JSON.stringify(procedure.fields),
      procedure.popularRank,
      procedure.offices,
      procedure.unconfirmed,
      procedure.source,
      normalizeSearchText(procedure.name),
      joinSearchTexts([procedure.name, procedure.code, procedure.field, procedure.description]),
    ],
  );
}

export interface SeedReport {
  offices: number;
  procedures: number;
  deactivatedOffices: number;
  deactivatedProcedures: number;
}

/** Writes a validated catalogue in one transaction. */
export async function loadCatalog(db: Db, catalog: Catalog): Promise<SeedReport> {
  return db.transaction(async (tx) => {
    for (const office of catalog.offices) await upsertOffice(tx, office);
    for (const procedure of catalog.procedures) await upsertProcedure(tx, procedure);
    const offices = await tx.query(
      'update offices set active = false, updated_at = now() where active and not (code = any ($1::text[]))',
      [catalog.offices.map((office) => office.code)],
    );
    const procedures = await tx.query(
      'update procedures set active = false, updated_at = now() where active and not (code = any ($1::text[]))',
      [catalog.procedures.map((procedure) => procedure.code)],
    );
    return {
      offices: catalog.offices.length,
      procedures: catalog.procedures.length,
      deactivatedOffices: offices.rowCount,
      deactivatedProcedures: procedures.rowCount,
    };
  });
}

export function seedCatalog(db: Db, dataDir: string): Promise<SeedReport> {
  return loadCatalog(db, readCatalog(dataDir));
}

export async function isCatalogEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ empty: boolean }>(
    'select not exists (select 1 from offices) and not exists (select 1 from procedures) as empty',
  );
  return rows[0].empty;
}
