import { parseEntryParams, type EntryTarget } from '@lao-cai-so/domain/deep-link';

/** The page that checks a link's office and procedure before opening them (pages/entry-page.tsx). */
export const ENTRY_ROUTE = '/open';

/** The form of one procedure, with the office already chosen (pages/apply-page.tsx reads `office`). */
export function applyPath(procedureCode: string, officeCode: string): string {
  return `/procedures/${encodeURIComponent(procedureCode)}/apply?${new URLSearchParams({ office: officeCode })}`;
}

/**
 * The page a link names once its codes are known to exist: the dossier, the procedure's form with the office
 * chosen, the office, or the procedure. Null when it names nothing.
 */
export function destinationPath(target: EntryTarget): string | null {
  if (target.application) return `/applications/${encodeURIComponent(target.application)}`;
  if (target.office && target.proc) return applyPath(target.proc, target.office);
  if (target.office) return `/offices/${encodeURIComponent(target.office)}`;
  if (target.proc) return `/procedures/${encodeURIComponent(target.proc)}`;
  return null;
}

/**
 * Where a deep link leads inside the app: a dossier opens directly (its page says when it is not the citizen's);
 * offices and procedures go through ENTRY_ROUTE, which shows a friendly page for an unknown code. Null when the link
 * names nothing this app knows (only unknown keys, or values that failed their pattern).
 */
export function entryPath(target: EntryTarget): string | null {
  if (target.application) return destinationPath(target);
  if (!target.office && !target.proc) return null;
  const query = new URLSearchParams();
  if (target.office) query.set('office', target.office);
  if (target.proc) query.set('proc', target.proc);
  return `${ENTRY_ROUTE}?${query.toString()}`;
}

/** What launch parameters (getRouteParams) or the path and query Zalo gives with OpenApp name. */
export function entryTargetOf(source: Readonly<Record<string, unknown>> | string): EntryTarget {
  if (typeof source !== 'string') return parseEntryParams(source).target;
  try {
    return parseEntryParams(new URL(source, 'https://h5.zdn.vn/').searchParams).target;
  } catch {
    return {};
  }
}
