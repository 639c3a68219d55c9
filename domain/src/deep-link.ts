// Deep links into the mini app (shared/reference/zalo-platform.md, "Deep links and QR codes"), built and read in one
// place: the proxy prints them on posters and in notification buttons, the mini app reads them on a cold start
// (zmp-sdk getRouteParams) and from the OpenApp event, and the scanner reads them from a QR code.
//
//   https://zalo.me/s/<APP_ID>/?office=<unitCode>                  an office's page
//   https://zalo.me/s/<APP_ID>/?office=<unitCode>&proc=<code>      that procedure's form, with the office chosen
//   https://zalo.me/s/<APP_ID>/?proc=<code>                        a procedure's page
//   https://zalo.me/s/<APP_ID>/?application=<uuid>                 the citizen's own dossier (notification buttons)
//
// Pure: no I/O. Unknown keys (env, version, zshareId, utm_*) are ignored; a known key whose value is too long or not
// of its expected shape is dropped and reported in `rejected`, never passed on (so markup never reaches a page).

export const DEEP_LINK_BASE = 'https://zalo.me/s/';

/** The query keys this app understands, in the order they are written. */
export const ENTRY_KEYS = ['office', 'proc', 'application'] as const;
export type EntryKey = (typeof ENTRY_KEYS)[number];

/** What a link asks the app to open. Every value present has passed its pattern. */
export interface EntryTarget {
  office?: string;
  proc?: string;
  application?: string;
}

const PATTERNS: Readonly<Record<EntryKey, RegExp>> = {
  // A 5-digit commune/ward unit code, or "H" and 2 digits for the provincial centre (domain/catalog-schema.ts).
  office: /^(\d{5}|H\d{2})$/,
  // A national procedure code such as 1.001193.
  proc: /^\d{1,3}\.\d{1,9}$/,
  application: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
};

/** Longer values are not looked at: no code of ours comes close. */
const MAX_VALUE_LENGTH = 64;
const APP_ID_PATTERN = /^\d{1,30}$/;

export function isValidEntryValue(key: EntryKey, value: string): boolean {
  return value.length <= MAX_VALUE_LENGTH && PATTERNS[key].test(value);
}

/** `https://zalo.me/s/<appId>/?office=…&proc=…`; throws on a value that would not parse back (a programming error). */
export function buildDeepLink(appId: string, target: EntryTarget): string {
  if (!APP_ID_PATTERN.test(appId)) throw new Error(`not a Zalo mini app id: ${appId}`);
  const query = new URLSearchParams();
  for (const key of ENTRY_KEYS) {
    const value = target[key];
    if (value === undefined) continue;
    if (!isValidEntryValue(key, value)) throw new Error(`invalid ${key} for a deep link: ${value}`);
    query.set(key, value);
  }
  const search = query.toString();
  return `${DEEP_LINK_BASE}${appId}/${search ? `?${search}` : ''}`;
}

export interface ParsedEntry {
  target: EntryTarget;
  /** Known keys whose value was dropped (too long, markup, wrong shape): worth a log line, never an error page. */
  rejected: EntryKey[];
}

type QueryInput = URLSearchParams | Readonly<Record<string, unknown>>;

/** Reads the app's keys from route params or a query string, ignoring every other key. */
export function parseEntryParams(params: QueryInput): ParsedEntry {
  const read = (key: string): unknown => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  const target: EntryTarget = {};
  const rejected: EntryKey[] = [];
  for (const key of ENTRY_KEYS) {
    const value = read(key);
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' && isValidEntryValue(key, value.trim())) target[key] = value.trim();
    else rejected.push(key);
  }
  return { target, rejected };
}

export function hasEntryTarget(target: EntryTarget): boolean {
  return ENTRY_KEYS.some((key) => target[key] !== undefined);
}

export type ScannedCode =
  | { kind: 'deep-link'; target: EntryTarget }
  | { kind: 'receipt'; receiptCode: string }
  | { kind: 'unknown' };

/**
 * Receipt codes are opaque strings of the one-stop system (public-service-domain.md; the sandbox issues
 * `<unit>-<yymmdd>-<seq>` such as 04465-261122-0007): letters, digits and . _ / -, with at least one digit.
 */
const RECEIPT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._/-]{4,38}[A-Z0-9]$/;

export function isReceiptCode(value: string): boolean {
  return RECEIPT_CODE_PATTERN.test(value) && /\d/.test(value);
}

/**
 * What a scanned QR code is: a link into this mini app (only for `appId`, with at least one valid key), the receipt
 * code printed on a receipt, or something else.
 */
export function parseScannedCode(content: string, appId: string): ScannedCode {
  const text = content.trim();
  if (text.length > 2048) return { kind: 'unknown' };
  if (isReceiptCode(text.toUpperCase())) return { kind: 'receipt', receiptCode: text.toUpperCase() };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'unknown' };
  }
  const prefix = `/s/${appId}`;
  const ours =
    url.protocol === 'https:' &&
    url.hostname === 'zalo.me' &&
    (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`));
  if (!ours) return { kind: 'unknown' };
  const { target } = parseEntryParams(url.searchParams);
  return hasEntryTarget(target) ? { kind: 'deep-link', target } : { kind: 'unknown' };
}
