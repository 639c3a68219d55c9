// Reads a PDF with MuPDF (WebAssembly, the `mupdf` npm package) in a child process: mupdf is an ES module with
// top-level await, which jest's CommonJS module sandbox cannot load. Used through pdf-inspect.ts.
//
//   node mupdf-inspect.mjs <file.pdf> '{"renderPages":[0],"dpi":100}'
//
// Prints JSON: { pageCount, pages: [{ index, text, glyphs: [{ char, gid, font }], png? (base64) }] }. Every page's
// text is extracted; only the pages in renderPages are rendered.
import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

const [file, optionsJson = '{}'] = process.argv.slice(2);
const { renderPages = [], dpi = 100 } = JSON.parse(optionsJson);

const document = mupdf.Document.openDocument(readFileSync(file), 'application/pdf');
const pageCount = document.countPages();
const pages = [];
for (let index = 0; index < pageCount; index += 1) {
  const page = document.loadPage(index);
  const text = page.toStructuredText('preserve-whitespace').asText();
  // Every glyph drawn, with its glyph id in the embedded font: 0 is .notdef, a box instead of a letter.
  const glyphs = [];
  const device = new mupdf.Device({
    fillText(textObject) {
      textObject.walk({
        showGlyph(font, _trm, gid, unicode) {
          glyphs.push({ char: String.fromCodePoint(unicode), gid, font: font.getName() });
        },
      });
    },
  });
  page.run(device, mupdf.Matrix.identity);
  device.close();
  const entry = { index, text, glyphs };
  if (renderPages.includes(index)) {
    const pixmap = page.toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false, true);
    entry.png = Buffer.from(pixmap.asPNG()).toString('base64');
  }
  pages.push(entry);
}
process.stdout.write(JSON.stringify({ pageCount, pages }));
