// Reads of the office directory. A citizen may search by the new unit's name or by a former commune merged into
// it on 1 July 2025 (Nghị quyết 1673/NQ-UBTVQH15), with or without diacritics.
import type { Queryable } from '../db/db';
import type { OfficeType } from '@lao-cai-so/domain/catalog-schema';
import { normalizeSearchText, searchWords } from '@lao-cai-so/domain/search-text';
import { type Page, selectPage, SqlParams } from './sql-params';

export interface OfficeSummary {
  code: string;
  name: string;
  unitName: string;
  type: OfficeType;
  address: string | null;
  phone: string | null;
  openingHours: string | null;
  unconfirmed: string[];
}

export interface OfficeRecord extends OfficeSummary {
  formerUnits: string[];
  active: boolean;
}

export interface OfficeQuery {
  q?: string;
  page: number;
  pageSize: number;
}

const MAX_SEARCH_WORDS = 10;

interface OfficeRow {
  code: string;
  name: string;
  unit_name: string;
  type: OfficeType;
  address: string | null;
  phone: string | null;
  opening_hours: string | null;
  unconfirmed: string[];
  former_units: string[];
  active: boolean;
}

const COLUMNS = `o.code, o.name, o.unit_name, o.type, o.address, o.phone, o.opening_hours, o.unconfirmed,
  o.former_units, o.active`;

function toSummary(row: OfficeRow): OfficeSummary {
  return {
    code: row.code,
    name: row.name,
    unitName: row.unit_name,
    type: row.type,
    address: row.address,
    phone: row.phone,
    openingHours: row.opening_hours,
    unconfirmed: row.unconfirmed,
  };
}

/**
 * Active offices matching the query. Ranking: the unit or office name contains the whole phrase, then a former
 * unit does, then every word is found somewhere; ties by unit name. Without a query: by unit name.
 */
export async function searchOffices(db: Queryable, query: OfficeQuery): Promise<Page<OfficeSummary>> {
  const params = new SqlParams();
  const conditions = ['o.active'];
  const phrase = normalizeSearchText(query.q ?? '');
  const words = searchWords(phrase).slice(0, MAX_SEARCH_WORDS);
  conditions.push(...words.map((word) => `o.search_text like ${params.add(`%${word}%`)}`));
  const where = conditions.join(' and ');
  const countParams = params.values();

  let matchRank = '0';
  if (phrase) {
    const phrasePattern = params.add(`%${phrase}%`);
    matchRank = `case
      when o.search_name like ${phrasePattern} then 0
      when o.search_text like ${phrasePattern} then 1
      else 2 end`;
  }
  return selectPage<OfficeRow, OfficeSummary>(
    db,
    {
      columns: `${COLUMNS}, ${matchRank} as match_rank`,
      from: 'offices o',
      where,
      orderBy: 'match_rank, o.search_name, o.code',
      params,
      whereParams: countParams,
      page: query.page,
      pageSize: query.pageSize,
    },
    toSummary,
  );
}

/** An office by code, active or not (applications may point at an office that was later merged away). */
export async function findOffice(db: Queryable, code: string): Promise<OfficeRecord | null> {
  const { rows } = await db.query<OfficeRow>(`select ${COLUMNS} from offices o where o.code = $1`, [code]);
  const row = rows[0];
  return row ? { ...toSummary(row), formerUnits: row.former_units, active: row.active } : null;
}
