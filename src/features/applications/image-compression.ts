// Photos of documents are compressed on the phone before upload: the citizen is often on weak 3G with little data.
// Long side at most 2000 px keeps text on an A4 page legible; about 500 KB keeps an upload under a minute on 3G.
import type { Options } from 'browser-image-compression';

export const COMPRESSION_OPTIONS = {
  maxWidthOrHeight: 2000,
  maxSizeMB: 0.5,
  initialQuality: 0.8,
  fileType: 'image/jpeg',
  // Drops EXIF, and with it the GPS position a phone camera writes into a photo.
  preserveExif: false,
  // The library's worker fetches its own code from a public CDN (its libURL default), which a mini app must not
  // depend on; one photo at a time on the main thread is fast enough.
  useWebWorker: false,
} satisfies Options;

export type ImageCompressor = (file: File) => Promise<Blob>;

// Formats a phone's browser can draw on a canvas; HEIC (iPhone) cannot be decoded there and is sent as it is.
const COMPRESSIBLE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function shouldCompress(file: File): boolean {
  return COMPRESSIBLE_TYPES.has(file.type);
}

/** The real compressor; the library (and its canvas code) loads only when a photo is chosen. */
export const compressWithLibrary: ImageCompressor = async (file) => {
  const { default: imageCompression } = await import('browser-image-compression');
  return imageCompression(file, COMPRESSION_OPTIONS);
};

function jpegName(name: string): string {
  return /\.[^.]+$/.test(name) ? name.replace(/\.[^.]+$/, '.jpg') : `${name}.jpg`;
}

/**
 * The file to upload: a compressed JPEG for photos, anything else as it is. When compression fails (a file that is
 * not really an image) or does not help, the original goes up and the proxy, which checks the bytes, decides.
 */
export async function prepareForUpload(file: File, compress: ImageCompressor): Promise<File> {
  if (!shouldCompress(file)) return file;
  try {
    const compressed = await compress(file);
    if (compressed.size >= file.size) return file;
    return new File([compressed], jpegName(file.name), { type: compressed.type || 'image/jpeg' });
  } catch {
    return file;
  }
}
