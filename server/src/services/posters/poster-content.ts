// What a poster or QR code shows, read from the catalogue: the office, the procedure of a single-procedure poster,
// and the deep link (domain/deep-link.ts) the code opens.
import type { Queryable } from '../../db/db';
import { buildDeepLink } from '@lao-cai-so/domain/deep-link';

export interface PosterContent {
  link: string;
  office: { code: string; name: string; address: string | null };
  procedure: { code: string; name: string } | null;
  /** When the catalogue rows shown last changed (a re-seed): the poster's version and its PDF date. */
  updatedAt: Date;
}

interface OfficeRow {
  code: string;
  name: string;
  address: string | null;
  updated_at: Date;
}

interface ProcedureRow {
  code: string;
  name: string;
  updated_at: Date;
  handled: boolean;
}

/** Why there is no poster: the routes answer each with its own 404. */
export type MissingPoster = 'office-not-found' | 'procedure-not-found' | 'office-does-not-handle-procedure';

function content(appId: string, office: OfficeRow, procedure?: ProcedureRow): PosterContent {
  const updatedAt = procedure && procedure.updated_at > office.updated_at ? procedure.updated_at : office.updated_at;
  return {
    link: buildDeepLink(appId, { office: office.code, proc: procedure?.code }),
    office: { code: office.code, name: office.name, address: office.address },
    procedure: procedure ? { code: procedure.code, name: procedure.name } : null,
    updatedAt: new Date(updatedAt),
  };
}

/**
 * The poster of an active office, or of one procedure it handles. None for an office unknown or merged away, a
 * procedure unknown or withdrawn, or one the office does not handle (the poster would open a form it cannot accept).
 */
export async function officePosterContent(
  db: Queryable,
  appId: string,
  officeCode: string,
  procedureCode?: string,
): Promise<PosterContent | MissingPoster> {
  const { rows: offices } = await db.query<OfficeRow>(
    'select code, name, address, updated_at from offices where code = $1 and active',
    [officeCode],
  );
  const office = offices[0];
  if (!office) return 'office-not-found';
  if (procedureCode === undefined) return content(appId, office);

  const { rows: procedures } = await db.query<ProcedureRow>(
    `select p.code, p.name, p.updated_at,
       exists (select 1 from office_procedures op where op.office_code = $1 and op.procedure_code = p.code) as handled
     from procedures p where p.code = $2 and p.active`,
    [office.code, procedureCode],
  );
  const procedure = procedures[0];
  if (!procedure) return 'procedure-not-found';
  if (!procedure.handled) return 'office-does-not-handle-procedure';
  return content(appId, office, procedure);
}

/** One poster per active office of the province: the provincial centre first, then the communes and wards by name. */
export async function allOfficePosterContents(db: Queryable, appId: string): Promise<PosterContent[]> {
  const { rows } = await db.query<OfficeRow>(
    `select code, name, address, updated_at from offices where active
     order by (type = 'province') desc, search_name, code`,
  );
  return rows.map((office) => content(appId, office));
}
