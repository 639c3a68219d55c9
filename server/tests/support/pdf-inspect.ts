// Looks at generated PDFs and images as a reader would: MuPDF renders pages and extracts their text (in a child
// process, see mupdf-inspect.mjs), jsQR reads the QR code in a rendered image.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export interface PdfGlyph {
  char: string;
  /** 0 is .notdef: the font had no glyph for the character, a box is printed instead. */
  gid: number;
  font: string;
}

export interface PdfPage {
  index: number;
  text: string;
  glyphs: PdfGlyph[];
  /** The rendered page, for the pages asked for. */
  png?: Buffer;
}

export interface PdfInspection {
  pageCount: number;
  pages: PdfPage[];
}

const run = promisify(execFile);

export async function inspectPdf(pdf: Buffer, options: { renderPages?: number[]; dpi?: number } = {}): Promise<PdfInspection> {
  const folder = await mkdtemp(path.join(tmpdir(), 'pdf-inspect-'));
  try {
    const file = path.join(folder, 'document.pdf');
    await writeFile(file, pdf);
    const script = path.join(__dirname, 'mupdf-inspect.mjs');
    const { stdout } = await run(process.execPath, [script, file, JSON.stringify(options)], { maxBuffer: 256 * 1024 * 1024 });
    const result = JSON.parse(stdout) as { pageCount: number; pages: Array<Omit<PdfPage, 'png'> & { png?: string }> };
    return {
      pageCount: result.pageCount,
      pages: result.pages.map((page) => ({ ...page, png: page.png === undefined ? undefined : Buffer.from(page.png, 'base64') })),
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The QR code found in a PNG (its text and its side in pixels, quiet zone excluded), or null. */
export function readQrPng(png: Buffer): { data: string; sidePx: number } | null {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  if (!found) return null;
  // Finder pattern centres sit 3.5 modules in from the edges: the side is their distance plus 7 modules.
  const modules = found.version * 4 + 17;
  const { topLeftFinderPattern: left, topRightFinderPattern: right } = found.location;
  const centres = Math.hypot(right.x - left.x, right.y - left.y);
  return { data: found.data, sidePx: (centres * modules) / (modules - 7) };
}

/** The text of the QR code found in a PNG, or null when there is none that jsQR can read. */
export function decodeQrPng(png: Buffer): string | null {
  return readQrPng(png)?.data ?? null;
}

/** A PDF page's text with line breaks and repeated spaces folded into single spaces. */
export function flatText(page: PdfPage): string {
  return page.text.replace(/\s+/g, ' ').trim();
}
