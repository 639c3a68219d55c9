// Vietnamese mobile numbers as the proxy keeps them: Zalo's international form without the plus, `84` followed by
// the nine digits after the national 0 (0912 345 678 -> 84912345678). Pure: no I/O.

const NORMALISED = /^84\d{9}$/;

/** `84…` from the forms Zalo or a person may give (84…, +84…, 0…, with spaces or dots); null when not a mobile. */
export function normalizePhoneNumber(raw: string): string | null {
  const digits = raw.trim().replace(/^\+/, '').replace(/[\s.()-]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const normalised = digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
  return NORMALISED.test(normalised) ? normalised : null;
}

/** For display: every digit hidden but the last three, in the national grouping (•••• ••• 678). */
export function maskPhoneNumber(normalised: string): string {
  return `•••• ••• ${normalised.slice(-3)}`;
}
