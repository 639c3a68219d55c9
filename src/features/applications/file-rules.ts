// What the phone checks before sending a file; the proxy checks the bytes again (a renamed .exe passes here).
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

const ACCEPTED_TYPES = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
]);
const ACCEPTED_EXTENSIONS = /\.(jpe?g|png|webp|heic|heif|pdf)$/i;

export type FileProblem = 'badType' | 'tooLarge';

export function checkFileType(file: File): FileProblem | null {
  const typeKnown = file.type ? ACCEPTED_TYPES.has(file.type) : ACCEPTED_EXTENSIONS.test(file.name);
  return typeKnown ? null : 'badType';
}

/** Checked after compression: a 12 MB photo is fine once compressed. */
export function checkFileSize(file: File): FileProblem | null {
  return file.size > MAX_FILE_BYTES ? 'tooLarge' : null;
}

/** 1234567 → "1,2 MB", 45000 → "44 KB" (Vietnamese decimal comma). */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
