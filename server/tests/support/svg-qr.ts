// Reads an SVG QR code as a viewer would: a strict XML parse (saxes), then the dark path drawn onto a bitmap and
// handed to jsQR. The rasteriser knows only what a QR path needs: M/m moves and H/h lines, stroked 1 unit wide.
import jsQR from 'jsqr';
import { SaxesParser } from 'saxes';

export interface ParsedSvg {
  root: { name: string; attributes: Record<string, string> };
  paths: Array<Record<string, string>>;
}

/** Throws on anything that is not well-formed XML. */
export function parseSvg(svg: string): ParsedSvg {
  const parser = new SaxesParser({ xmlns: true });
  let root: ParsedSvg['root'] | undefined;
  const paths: ParsedSvg['paths'] = [];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attributes = Object.fromEntries(Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]));
    root ??= { name: tag.name, attributes: { ...attributes, xmlns: tag.uri } };
    if (tag.name === 'path') paths.push(attributes);
  });
  parser.write(svg).close();
  if (!root) throw new Error('no root element');
  return { root, paths };
}

/** Rasterises the stroked path of a QR SVG (viewBox units = modules) and decodes it. */
export function decodeQrSvg(svg: string): string | null {
  const { root, paths } = parseSvg(svg);
  const [, , width, height] = root.attributes.viewBox.split(/\s+/).map(Number);
  const scale = 8;
  const pixels = new Uint8ClampedArray(width * scale * height * scale * 4).fill(255);
  const paint = (x: number, y: number, length: number) => {
    for (let py = Math.round((y - 0.5) * scale); py < Math.round((y + 0.5) * scale); py += 1) {
      for (let px = Math.round(x * scale); px < Math.round((x + length) * scale); px += 1) {
        pixels.fill(0, (py * width * scale + px) * 4, (py * width * scale + px) * 4 + 3);
      }
    }
  };
  for (const path of paths.filter((candidate) => candidate.stroke && candidate.stroke !== 'none')) {
    let x = 0;
    let y = 0;
    for (const [, command, args] of path.d.matchAll(/([MmHh])([^MmHh]*)/g)) {
      const numbers = args.trim().split(/[\s,]+/).map(Number);
      if (command === 'M') [x, y] = numbers;
      else if (command === 'm') [x, y] = [x + numbers[0], y + numbers[1]];
      else {
        const end = command === 'H' ? numbers[0] : x + numbers[0];
        paint(x, y, end - x);
        x = end;
      }
    }
  }
  return jsQR(pixels, width * scale, height * scale)?.data ?? null;
}
