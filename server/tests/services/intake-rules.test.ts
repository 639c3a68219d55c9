// Pure rules behind intake and forwarding: references, file types by their bytes, DVCQG dates, request fingerprints.
import { randomBytes } from 'node:crypto';
import { parseDvcqgDate, formatDvcqgDate } from '@lao-cai-so/domain/dvcqg-date';
import { cleanFileName, detectContentType } from '@lao-cai-so/domain/file-type';
import { generateReference, REFERENCE_ALPHABET, REFERENCE_PATTERN } from '@lao-cai-so/domain/reference';
import { canonicalJson, requestHash } from '../../src/services/request-hash';

describe('reference', () => {
  it('is 8 characters without look-alikes', () => {
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OIL]/);
    for (let i = 0; i < 200; i++) expect(generateReference(randomBytes)).toMatch(REFERENCE_PATTERN);
  });

  it('skips bytes that would bias the alphabet and uses each character', () => {
    // 248 and above are dropped; 0 → '2', 30 → 'Z', 31 → '2' again.
    const bytes = [255, 248, 0, 30, 31, 1, 2, 3, 4, 5, 6, 7, 8];
    let offset = 0;
    const fake = (size: number) => Uint8Array.from({ length: size }, () => bytes[offset++ % bytes.length]);
    expect(generateReference(fake)).toBe('2Z234567');
  });
});

describe('file type by bytes', () => {
  const bytes = (...parts: Array<number[] | string>) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xdb])],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8L')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypmif1')],
    ['application/pdf', bytes('%PDF-1.4')],
  ])('%s', (type, head) => {
    expect(detectContentType(head)).toBe(type);
  });

  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0])],
    ['an ELF program', bytes([0x7f], 'ELF')],
    ['a zip', bytes('PK', [3, 4])],
    ['HTML', bytes('<html>')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['an MP4 video', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['nothing', bytes()],
  ])('refuses %s', (_name, head) => {
    expect(detectContentType(head)).toBeNull();
  });

  it('cleans file names', () => {
    expect(cleanFileName('C:\\Users\\mai\\Ảnh.jpg', 'x')).toBe('Ảnh.jpg');
    expect(cleanFileName('../../etc/passwd', 'x')).toBe('passwd');
    expect(cleanFileName('', 'tep.jpg')).toBe('tep.jpg');
    expect(cleanFileName(undefined, 'tep.pdf')).toBe('tep.pdf');
  });
});

describe('DVCQG dates (yyyyMMddHHmmss, Vietnam time)', () => {
  it('formats and parses in UTC+7', () => {
    const instant = new Date('2026-03-02T02:00:05Z');
    expect(formatDvcqgDate(instant)).toBe('20260302090005');
    expect(parseDvcqgDate('20260302090005')).toEqual(instant);
    expect(formatDvcqgDate(new Date('2026-12-31T18:30:00Z'))).toBe('20270101013000');
  });

  it.each(['20260230090000', '2026030209000', '20261302090000', '20260302250000', 'abc'])('refuses %s', (text) => {
    expect(parseDvcqgDate(text)).toBeNull();
  });
});

describe('request fingerprint', () => {
  it('ignores the order of object keys, not of arrays', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(requestHash({ a: 1, b: 2 })).toBe(requestHash({ b: 2, a: 1 }));
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ a: 'Mai' })).not.toBe(requestHash({ a: 'Mái' }));
  });
});
