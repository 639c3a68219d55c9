// The posters' typeface: Be Vietnam Pro, designed for Vietnamese (every precomposed letter U+1EA0–U+1EF9, Ơ, Ư, Đ…),
// shipped as whole TrueType files by the npm package @expo-google-fonts/be-vietnam-pro (OFL-1.1). Whole files matter:
// pdfkit embeds one font file per face and cannot fall back to another file for a missing glyph, so the
// per-script subsets of other font packages would print Latin or Vietnamese, not both.
import { readFileSync } from 'node:fs';

const FACES = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  semiBold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;

export type PosterFace = keyof typeof FACES;

export const POSTER_FACES = Object.keys(FACES) as PosterFace[];

/** The font file of a face, from node_modules. */
export function posterFontPath(face: PosterFace): string {
  return require.resolve(`@expo-google-fonts/be-vietnam-pro/${FACES[face]}`);
}

let loaded: Record<PosterFace, Buffer> | undefined;

/** The font files, read once per process (about 130 KB each). */
export function posterFonts(): Record<PosterFace, Buffer> {
  loaded ??= {
    regular: readFileSync(posterFontPath('regular')),
    semiBold: readFileSync(posterFontPath('semiBold')),
    bold: readFileSync(posterFontPath('bold')),
  };
  return loaded;
}
