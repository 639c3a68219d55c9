import { parseEntryParams, type EntryTarget } from '@domain/deep-link';

/** The page that checks a link's office and procedure before opening them (pages/entry-page.tsx). */
export const ENTRY_ROUTE = '/open';

/**
 * Where a deep link leads inside the app: a dossier opens directly (its page says when it is not the citizen's);
 * offices and procedures go through ENTRY_ROUTE, which shows a friendly page for an unknown code. Null when the link
 * names nothing this app knows (only unknown keys, or values that failed their pattern).
 */
export function entryPath(target: EntryTarget): string | null {
  if (target.application) return `/applications/${encodeURIComponent(target.application)}`;
  if (!target.office && !target.proc) return null;
  const query = new URLSearchParams();
  if (target.office) query.set('office', target.office);
  if (target.proc) query.set('proc', target.proc);
  return `${ENTRY_ROUTE}?${query.toString()}`;
}

/** The entry path of launch parameters (getRouteParams) or of the path and query Zalo gives with OpenApp. */
export function entryPathOf(source: Readonly<Record<string, unknown>> | string): string | null {
  if (typeof source !== 'string') return entryPath(parseEntryParams(source).target);
  let query: URLSearchParams;
  try {
    query = new URL(source, 'https://h5.zdn.vn/').searchParams;
  } catch {
    return null;
  }
  return entryPath(parseEntryParams(query).target);
}
