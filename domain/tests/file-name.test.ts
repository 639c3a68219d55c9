// cleanFileName: the name an officer sees is the name as written, without anything that changes how it reads
// (issue 16, defect 11: U+202E + "…gpj.exe" showed as "…exe.jpg").
import { cleanFileName } from '../src/file-type';

describe('cleanFileName', () => {
  test('keeps an ordinary Vietnamese name, NFC', () => {
    expect(cleanFileName('giấy chứng sinh.pdf', 'tep.pdf')).toBe('giấy chứng sinh.pdf');
    expect(cleanFileName('a\u0301nh.jpg', 'tep.jpg')).toBe('ánh.jpg');
  });

  test('the right-to-left override cannot make an .exe read as a .jpg', () => {
    const cleaned = cleanFileName('anh\u202Egpj.exe', 'tep.jpg');
    expect(cleaned).toBe('anhgpj.exe');
    expect(cleaned.endsWith('.exe')).toBe(true);
  });

  test.each([
    ['LRM', '\u200E'],
    ['RLM', '\u200F'],
    ['LRE', '\u202A'],
    ['RLE', '\u202B'],
    ['PDF', '\u202C'],
    ['LRO', '\u202D'],
    ['RLO', '\u202E'],
    ['LRI', '\u2066'],
    ['RLI', '\u2067'],
    ['FSI', '\u2068'],
    ['PDI', '\u2069'],
    ['ALM', '\u061C'],
    ['zero-width space', '\u200B'],
    ['zero-width joiner', '\u200D'],
    ['word joiner', '\u2060'],
    ['byte order mark', '\uFEFF'],
    ['soft hyphen', '\u00AD'],
    ['C1 control', '\u0085'],
    ['NUL', '\u0000'],
    ['DEL', '\u007F'],
    ['interlinear annotation', '\uFFF9'],
    ['line separator', '\u2028'],
    ['tag character', '\u{E0041}'],
  ])('strips %s', (_name, character) => {
    expect(cleanFileName(`ho${character}so${character}.pdf`, 'tep.pdf')).toBe('hoso.pdf');
  });

  test('a name of nothing but invisible characters falls back', () => {
    expect(cleanFileName('\u202E\u200B\u2066', 'tep.jpg')).toBe('tep.jpg');
    expect(cleanFileName(undefined, 'tep.jpg')).toBe('tep.jpg');
  });

  test('keeps the last path segment only, without angle brackets', () => {
    expect(cleanFileName('C:\\Users\\a\\<b>.pdf', 'tep.pdf')).toBe('b.pdf');
  });
});
