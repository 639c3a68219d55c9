/**
 * The one normalisation used both for the stored search columns and for the citizen's query, so that
 * "dang ky khai sinh", "ĐĂNG KÝ KHAI SINH" and "Đăng ký khai sinh" all compare equal.
 * Lowercase, Vietnamese diacritics stripped (đ → d), anything but letters and digits turned into single spaces.
 */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Distinct words of a normalised query, in order. */
export function searchWords(normalized: string): string[] {
  return [...new Set(normalized.split(' ').filter(Boolean))];
}

/**
 * Joins several normalised texts so that a phrase can never match across two of them
 * (the separator is a character normalised queries never contain).
 */
export function joinSearchTexts(texts: ReadonlyArray<string | null | undefined>): string {
  return texts
    .filter((text): text is string => Boolean(text))
    .map(normalizeSearchText)
    .filter(Boolean)
    .join(' / ');
}
