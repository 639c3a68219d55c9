// QR codes of the mini app's deep links, as images (PNG, SVG) and as the module grid a PDF draws in vectors.
import QRCode from 'qrcode';

/**
 * Q restores up to 25% of the code: posters hang on walls for months, behind lamination that catches the light,
 * and get taped over at a corner. At Q our links (office, or office and procedure, with a 19-digit app id) fit
 * version 4 or 5: 33 or 37 modules a side.
 */
export const QR_ERROR_CORRECTION = 'Q' as const;

/** The quiet zone the QR specification asks for (ISO/IEC 18004: 4 modules on every side). */
export const QR_QUIET_ZONE_MODULES = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  version: number;
  isDark(row: number, column: number): boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules, version } = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  return { size: modules.size, version, isDark: (row, column) => Boolean(modules.get(row, column)) };
}

/** Dark runs of each row, `[row, firstColumn, length]`: one rectangle per run keeps the drawing small. */
export function darkRuns(matrix: QrMatrix): Array<[number, number, number]> {
  const runs: Array<[number, number, number]> = [];
  for (let row = 0; row < matrix.size; row += 1) {
    let start = -1;
    for (let column = 0; column <= matrix.size; column += 1) {
      const dark = column < matrix.size && matrix.isDark(row, column);
      if (dark && start < 0) start = column;
      if (!dark && start >= 0) {
        runs.push([row, start, column - start]);
        start = -1;
      }
    }
  }
  return runs;
}

const imageOptions = (widthPx: number) => ({
  errorCorrectionLevel: QR_ERROR_CORRECTION,
  margin: QR_QUIET_ZONE_MODULES,
  width: widthPx,
  color: { dark: '#000000', light: '#ffffff' },
});

/** A PNG `widthPx` wide, quiet zone included. */
export function qrPng(text: string, widthPx: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...imageOptions(widthPx), type: 'png' });
}

/** An SVG document `widthPx` wide (it scales without loss), quiet zone included. */
export async function qrSvg(text: string, widthPx: number): Promise<Buffer> {
  const svg = await QRCode.toString(text, { ...imageOptions(widthPx), type: 'svg' });
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'utf8');
}
