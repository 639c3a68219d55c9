// The type of an uploaded file, told by its first bytes (magic numbers), never by its name or declared type: a
// `.jpg` that is really a program is refused. Pure.

export type AllowedContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'application/pdf';

export const ALLOWED_CONTENT_TYPES: readonly AllowedContentType[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/pdf',
];

/** How many leading bytes detectContentType needs. */
export const SNIFF_BYTES = 16;

// HEIF brands an iPhone or Android camera writes in the `ftyp` box (ISO/IEC 23008-12).
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, index) => bytes[index] === byte);

export function detectContentType(head: Uint8Array): AllowedContentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp' && HEIC_BRANDS.has(ascii(head, 8, 12))) return 'image/heic';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  return null;
}

/** A file name as the citizen sees it: no folders, no control, format or bidi characters, NFC, at most 200 characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Controls (C0, DEL, C1), format characters (bidirectional marks, embeddings, overrides and isolates such as
  // U+202E, which made "…gpj.exe" read "…exe.jpg"; zero-width characters, the BOM, the soft hyphen, tags) and line or
  // paragraph separators: invisible, or changing how the rest reads, in an officer's list.
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}<>]/gu, '')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}

/** The usual extension of a content type, for naming a file that came without a name. */
export const EXTENSIONS: Record<AllowedContentType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
};
