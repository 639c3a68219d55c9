// The one redaction list of every logger in the project (the proxy's pino, the sandbox's Fastify logger): pure data
// and a pure function, so both can import it. Whatever a library logs (a request's headers, busboy's options, an
// HTTP client's error with its request), these keys are removed at every level and any depth, `trace` included.
// Messages themselves are our own text: the list is the floor under them, not a licence to log a token in a message.
// Applied as pino's `formatters.log`, not as `redact` paths: the same list as wildcard paths (127 of them, to reach
// three levels down) cost about 100 µs a line against 0.6 µs without, where one walk of a line's keys costs little.

/** Headers that carry credentials: session and one-stop bearer tokens, cookies, Zalo's access token, app secret and phone token. */
export const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-operator-key',
  'x-api-key',
  'secret_key',
  'access_token',
  // Zalo's /v2.0/me/info takes the phone token as the `code` header (removed only under `headers`: elsewhere `code` is
  // an error code).
  'code',
] as const;

/** Fields (in a body, an options object, an error) that carry credentials, wherever they are. */
export const SECRET_FIELDS = [
  'accessToken',
  'access_token',
  'phoneToken',
  'refreshToken',
  'refresh_token',
  'token',
  'apiKey',
  'api_key',
  'secret_key',
  'secretKey',
  'password',
] as const;

/** Fields that carry a phone number or a citizen-identification (CCCD) number. */
export const PERSONAL_FIELDS = [
  'phone',
  'phoneNumber',
  'phone_number',
  'applicant_phone',
  'applicant_citizen_id',
  'citizenIdNumber',
  'idNumber',
  'cccd',
  'SoDienThoai',
  'SoDienThoaiChuHoSo',
  'SoGiayToChuHoSo',
] as const;

const SECRET_HEADER_NAMES = new Set<string>(SECRET_HEADERS);
const REDACTED_FIELDS = new Set<string>([...SECRET_HEADERS.filter((name) => name !== 'code'), ...SECRET_FIELDS, ...PERSONAL_FIELDS]);
/** Deeper than this, an object is replaced by a marker rather than walked (and a cycle ends there). */
const MAX_DEPTH = 8;

function redactedKey(key: string, parentKey: string | undefined): boolean {
  return REDACTED_FIELDS.has(key) || (parentKey === 'headers' && SECRET_HEADER_NAMES.has(key.toLowerCase()));
}

/**
 * Walked: plain objects (headers, options, bodies), arrays and errors. Left to the logger's serializers: class
 * instances such as a request, whose serializer reads getters a copy would not have (and which log no headers).
 */
function walked(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || Array.isArray(value) || value instanceof Error;
}

function redactValue(value: unknown, parentKey: string | undefined, depth: number): unknown {
  if (value === null || typeof value !== 'object' || !walked(value)) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const cleaned = redactValue(item, parentKey, depth + 1);
      if (cleaned !== item) (copy ??= [...value])[index] = cleaned;
    });
    return copy ?? value;
  }
  let copy: Record<string, unknown> | undefined;
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    if (redactedKey(key, parentKey)) {
      copy ??= { ...source };
      delete copy[key];
      continue;
    }
    const item = source[key];
    const cleaned = redactValue(item, key, depth + 1);
    if (cleaned !== item) (copy ??= { ...source })[key] = cleaned;
  }
  if (!copy) return value;
  // An error keeps what its serializer reads (own enumerable properties were copied above).
  if (value instanceof Error) {
    copy.message ??= value.message;
    copy.stack ??= value.stack;
    copy.name ??= value.name;
  }
  return copy;
}

/**
 * The object of a log line without any key of the list, at any depth (a copy where something was removed; the
 * caller's objects are never changed). Cheap for the small objects of ordinary lines: one walk of their keys.
 * Meant as pino's `formatters.log` (and for child bindings, `formatters.bindings`).
 */
export function redactLogObject<T extends Record<string, unknown>>(object: T): T {
  return redactValue(object, undefined, 0) as T;
}
