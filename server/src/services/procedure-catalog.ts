// Reads of the procedure catalogue. Search runs in the database over the normalised search columns.
import type { Db, Queryable } from '../db/db';
import type {
  CatalogProcedure,
  Fee,
  OnlineLevel,
  ProcedureDocument,
  ProcedureField,
  ProcedureLevel,
} from '@lao-cai-so/domain/catalog-schema';
import { normalizeSearchText, searchWords } from '@lao-cai-so/domain/search-text';
import { type Page, selectPage, SqlParams } from './sql-params';

export type { Page } from './sql-params';

export interface ProcedureSummary {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agency: string;
  onlineLevel: OnlineLevel;
  processingTime: { text: string; workingDays: number | null };
  unconfirmed: string[];
}

/** The procedure as in data/README.md, without its ranking and office list; `active` is false once withdrawn. */
export type ProcedureDetail = Omit<CatalogProcedure, 'popularRank' | 'offices'> & { active: boolean };

export interface ProcedureQuery {
  q?: string;
  officeCode?: string;
  level?: ProcedureLevel;
  online?: boolean;
  page: number;
  pageSize: number;
}

// Queries longer than this many distinct words are cut: beyond it they add no precision, only cost.
const MAX_SEARCH_WORDS = 10;

interface SummaryRow {
  code: string;
  name: string;
  field: string;
  level: ProcedureLevel;
  agency: string;
  online_level: OnlineLevel;
  processing_time_text: string;
  processing_time_working_days: number | null;
  unconfirmed: string[];
}

interface DetailRow extends SummaryRow {
  local_code: string | null;
  description: string;
  fees: Fee[];
  documents: ProcedureDocument[];
  requirements: string[];
  result: string;
  legal_basis: string[];
  fields: ProcedureField[];
  source: string;
  active: boolean;
}

const SUMMARY_COLUMNS = `p.code, p.name, p.field, p.level, p.agency, p.online_level, p.processing_time_text,
  p.processing_time_working_days, p.unconfirmed`;

function toSummary(row: SummaryRow): ProcedureSummary {
  return {
    code: row.code,
    name: row.name,
    field: row.field,
    level: row.level,
    agency: row.agency,
    onlineLevel: row.online_level,
    processingTime: { text: row.processing_time_text, workingDays: row.processing_time_working_days },
    unconfirmed: row.unconfirmed,
  };
}

/**
 * Active procedures matching the query. Ranking: the whole name equals the query, then the name contains the
 * whole phrase, then the name contains every word, then every word is found in the name, code, field or
 * description; ties by popularRank (unknown last), then name. Without a query: by popularRank, then name.
 */
export async function searchProcedures(db: Queryable, query: ProcedureQuery): Promise<Page<ProcedureSummary>> {
  const params = new SqlParams();
  const conditions = ['p.active'];
  const phrase = normalizeSearchText(query.q ?? '');
  const words = searchWords(phrase).slice(0, MAX_SEARCH_WORDS);

  // One LIKE per word (not LIKE ALL) so that each can use the trigram index.
  conditions.push(...words.map((word) => `p.search_text like ${params.add(`%${word}%`)}`));
  if (query.officeCode) {
    conditions.push(`exists (select 1 from office_procedures op
      where op.procedure_code = p.code and op.office_code = ${params.add(query.officeCode)})`);
  }
  if (query.level) conditions.push(`p.level = ${params.add(query.level)}`);
  if (query.online !== undefined) conditions.push(query.online ? `p.online_level = 'full'` : `p.online_level <> 'full'`);
  const where = conditions.join(' and ');
  const countParams = params.values();

  let matchRank = '0';
  if (phrase) {
    const nameHasEveryWord = words.map((word) => `p.search_name like ${params.add(`%${word}%`)}`).join(' and ');
    matchRank = `case
      when p.search_name = ${params.add(phrase)} then 0
      when p.search_name like ${params.add(`%${phrase}%`)} then 1
      when ${nameHasEveryWord} then 2
      else 3 end`;
  }
  return selectPage<SummaryRow, ProcedureSummary>(
    db,
    {
      columns: `${SUMMARY_COLUMNS}, ${matchRank} as match_rank`,
      from: 'procedures p',
      where,
      orderBy: 'match_rank, p.popular_rank asc nulls last, p.search_name, p.code',
      params,
      whereParams: countParams,
      page: query.page,
      pageSize: query.pageSize,
    },
    toSummary,
  );
}

/** Every active procedure an office handles, most used first. */
export async function listOfficeProcedures(db: Queryable, officeCode: string): Promise<ProcedureSummary[]> {
  const { rows } = await db.query<SummaryRow>(
    `select ${SUMMARY_COLUMNS}
     from procedures p
     join office_procedures op on op.procedure_code = p.code and op.office_code = $1
     where p.active
     order by p.popular_rank asc nulls last, p.search_name, p.code`,
    [officeCode],
  );
  return rows.map(toSummary);
}

export async function findProcedure(db: Db, code: string): Promise<ProcedureDetail | null> {
  const { rows } = await db.query<DetailRow>(
    `select p.code, p.local_code, p.name, p.field, p.level, p.agency, p.online_level, p.description,
       p.processing_time_text, p.processing_time_working_days, p.fees, p.documents, p.requirements, p.result,
       p.legal_basis, p.fields, p.unconfirmed, p.source, p.active
     from procedures p where p.code = $1`,
    [code],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    code: row.code,
    localCode: row.local_code,
    name: row.name,
    field: row.field,
    level: row.level,
    agency: row.agency,
    onlineLevel: row.online_level,
    description: row.description,
    processingTime: { text: row.processing_time_text, workingDays: row.processing_time_working_days },
    fees: row.fees,
    documents: row.documents,
    requirements: row.requirements,
    result: row.result,
    legalBasis: row.legal_basis,
    fields: row.fields,
    unconfirmed: row.unconfirmed,
    source: row.source,
    active: row.active,
  };
}
