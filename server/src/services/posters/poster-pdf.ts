// Printable A4 posters for the one-stop desks: scan with Zalo, land on the office (or one procedure's form) in the
// mini app. One page per poster; many posters make one document that is streamed page by page.
import PDFDocument from 'pdfkit';
import type { PosterContent } from './poster-content';
import { posterFonts } from './poster-fonts';
import { darkRuns, QR_QUIET_ZONE_MODULES, type QrMatrix, qrMatrix } from './qr-code';

/** Part of every poster's ETag: bump it when the drawing changes, so that caches fetch the new one. */
export const POSTER_LAYOUT_VERSION = 1;

const CM = 72 / 2.54;
const PAGE = { width: 595.28, height: 841.89 }; // A4 in points
const MARGIN = 36;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;

/**
 * 15 cm a side: a phone reads a QR code from about ten times its width, so 1.5 m from a wall at the desk needs
 * 15 cm. With 33–37 modules that is 4.1–4.5 mm a module, plus a 4-module quiet zone (16–18 mm) on every side.
 */
export const POSTER_QR_SIDE_CM = 15;
const QR_SIDE = POSTER_QR_SIDE_CM * CM;

const COLORS = {
  brand: '#0b5cad', // the mini app's header colour
  text: '#1b1b1f',
  muted: '#4a4a52',
  onBrand: '#ffffff',
  qr: '#000000',
};

export const POSTER_TEXT = {
  brand: 'Lào Cai số',
  brandTagline: 'Dịch vụ công tỉnh Lào Cai trên Zalo',
  title: 'Nộp hồ sơ trực tuyến qua Zalo',
  procedurePrefix: 'Thủ tục: ',
  steps: ['Mở Zalo', 'Quét mã', 'Nộp hồ sơ'],
  fallback: 'Không quét được mã? Mở đường dẫn:',
} as const;

type Doc = PDFKit.PDFDocument;

interface TextBox {
  font: 'regular' | 'semiBold' | 'bold';
  size: number;
  color: string;
  maxLines: number;
}

/** Writes centred text of at most `maxLines` lines (the last one ends in an ellipsis) and returns its height. */
function centredText(doc: Doc, text: string, y: number, box: TextBox): number {
  doc.font(box.font).fontSize(box.size).fillColor(box.color);
  const lineHeight = doc.currentLineHeight(true);
  const options = { width: CONTENT_WIDTH, align: 'center' as const, lineGap: 0 };
  const height = Math.min(doc.heightOfString(text, options), lineHeight * box.maxLines);
  doc.text(text, MARGIN, y, { ...options, height: height + 0.5, ellipsis: true });
  return height;
}

function drawHeader(doc: Doc): number {
  const height = 64;
  doc.rect(0, 0, PAGE.width, height).fill(COLORS.brand);
  doc.font('bold').fontSize(26).fillColor(COLORS.onBrand).text(POSTER_TEXT.brand, MARGIN, 16, { lineBreak: false });
  doc
    .font('regular')
    .fontSize(12)
    .fillColor(COLORS.onBrand)
    .text(POSTER_TEXT.brandTagline, MARGIN, 27, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
  return height;
}

/** The QR code in vectors: one rectangle per dark run, sharp at any printer resolution. */
function drawQr(doc: Doc, matrix: QrMatrix, top: number): void {
  const module = QR_SIDE / matrix.size;
  const left = (PAGE.width - QR_SIDE) / 2;
  for (const [row, column, length] of darkRuns(matrix)) {
    // A hair wider and taller than the module so that neighbouring runs leave no white seam when rasterised.
    doc.rect(left + column * module, top + row * module, length * module + 0.05, module + 0.05);
  }
  doc.fill(COLORS.qr);
}

function drawArrow(doc: Doc, x: number, y: number, length: number): void {
  doc
    .moveTo(x, y)
    .lineTo(x + length - 8, y)
    .lineWidth(2.5)
    .strokeColor(COLORS.brand)
    .stroke();
  doc
    .moveTo(x + length, y)
    .lineTo(x + length - 10, y - 6)
    .lineTo(x + length - 10, y + 6)
    .closePath()
    .fill(COLORS.brand);
}

/** "1 Mở Zalo → 2 Quét mã → 3 Nộp hồ sơ": numbered circles with vector arrows (the font has no arrow glyph). */
function drawSteps(doc: Doc, top: number): number {
  const radius = 14;
  const gap = 10;
  const arrow = 44;
  const arrowMargin = 16;
  doc.font('semiBold').fontSize(17);
  const widths = POSTER_TEXT.steps.map((label) => 2 * radius + gap + doc.widthOfString(label));
  const arrows = (POSTER_TEXT.steps.length - 1) * (arrow + 2 * arrowMargin);
  let x = (PAGE.width - widths.reduce((sum, width) => sum + width, 0) - arrows) / 2;
  const centreY = top + radius;
  POSTER_TEXT.steps.forEach((label, index) => {
    doc.circle(x + radius, centreY, radius).fill(COLORS.brand);
    doc
      .font('bold')
      .fontSize(15)
      .fillColor(COLORS.onBrand)
      .text(String(index + 1), x, centreY - 9.5, { width: 2 * radius, align: 'center', lineBreak: false });
    doc
      .font('semiBold')
      .fontSize(17)
      .fillColor(COLORS.text)
      .text(label, x + 2 * radius + gap, centreY - 11.5, { lineBreak: false });
    x += widths[index];
    if (index < POSTER_TEXT.steps.length - 1) {
      drawArrow(doc, x + arrowMargin, centreY, arrow);
      x += arrow + 2 * arrowMargin;
    }
  });
  return 2 * radius;
}

/** Draws one poster on the current page. */
export function drawPoster(doc: Doc, poster: PosterContent): void {
  let y = drawHeader(doc) + 18;
  y += centredText(doc, POSTER_TEXT.title, y, { font: 'bold', size: 26, color: COLORS.text, maxLines: 1 }) + 6;
  y += centredText(doc, poster.office.name, y, { font: 'semiBold', size: 20, color: COLORS.brand, maxLines: 2 });
  if (poster.office.address) {
    y += 2 + centredText(doc, poster.office.address, y + 2, { font: 'regular', size: 11, color: COLORS.muted, maxLines: 2 });
  }
  if (poster.procedure) {
    const text = `${POSTER_TEXT.procedurePrefix}${poster.procedure.name}`;
    y += 8 + centredText(doc, text, y + 8, { font: 'semiBold', size: 13, color: COLORS.text, maxLines: 2 });
  }

  // The quiet zone is blank paper: nothing is drawn within 4 modules of the code.
  const matrix = qrMatrix(poster.link);
  const quietZone = QR_QUIET_ZONE_MODULES * (QR_SIDE / matrix.size);
  drawQr(doc, matrix, y + quietZone);
  y += quietZone + QR_SIDE + quietZone;
  y += drawSteps(doc, y) + 12;

  y += centredText(doc, POSTER_TEXT.fallback, y, { font: 'regular', size: 11, color: COLORS.muted, maxLines: 1 }) + 2;
  doc.font('regular').fontSize(12);
  const linkWidth = doc.widthOfString(poster.link);
  const linkHeight = centredText(doc, poster.link, y, { font: 'regular', size: 12, color: COLORS.brand, maxLines: 1 });
  doc.link((PAGE.width - linkWidth) / 2, y, linkWidth, linkHeight, poster.link);

  doc
    .font('regular')
    .fontSize(8)
    .fillColor(COLORS.muted)
    .text(`Mã đơn vị ${poster.office.code} · ${POSTER_TEXT.brand}`, MARGIN, PAGE.height - 24, {
      width: CONTENT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
}

/**
 * A PDF document of posters, one A4 page each, drawn page by page with a turn of the event loop between pages so
 * that the bytes flow to the client while the next page is drawn. Deterministic: the same posters give the same
 * bytes (the document date is the catalogue's, not the clock's), so an ETag of the content names the bytes.
 */
export function posterPdf(posters: readonly PosterContent[], title: string): Doc {
  const fonts = posterFonts();
  const latest = posters.reduce((max, poster) => (poster.updatedAt > max ? poster.updatedAt : max), new Date(0));
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Author: POSTER_TEXT.brand, Creator: POSTER_TEXT.brand, CreationDate: latest },
    lang: 'vi-VN',
    displayTitle: true,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('semiBold', fonts.semiBold);
  doc.registerFont('bold', fonts.bold);

  void (async () => {
    try {
      for (const poster of posters) {
        doc.addPage({ size: 'A4', margin: 0 });
        drawPoster(doc, poster);
        await new Promise((resolve) => setImmediate(resolve));
        if (doc.destroyed) return;
      }
      doc.end();
    } catch (error) {
      doc.destroy(error as Error);
    }
  })();
  return doc;
}
