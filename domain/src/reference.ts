// The app's own reference for an application: 8 characters a citizen can read out over the phone or copy from a
// screenshot without confusing look-alikes (no 0/O, 1/I/L). 31^8 ≈ 8.5 · 10^11 values. Pure: the caller passes
// the source of random bytes (node:crypto randomBytes in the proxy).

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const REFERENCE_LENGTH = 8;
export const REFERENCE_PATTERN = /^[2-9A-HJKMNP-Z]{8}$/;

// Bytes at or above this are dropped so that every character is equally likely (256 is not a multiple of 31).
const UNBIASED_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

export function generateReference(randomBytes: (size: number) => Uint8Array): string {
  let reference = '';
  while (reference.length < REFERENCE_LENGTH) {
    for (const byte of randomBytes(REFERENCE_LENGTH * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      reference += REFERENCE_ALPHABET[byte % REFERENCE_ALPHABET.length];
      if (reference.length === REFERENCE_LENGTH) break;
    }
  }
  return reference;
}

/** What a citizen typed: case and spaces or dashes do not matter. */
export function normalizeReference(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
