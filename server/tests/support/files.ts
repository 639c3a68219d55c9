// Small files whose first bytes are what real ones start with: enough for the proxy's type detection and for the
// one-stop system to store and serve back byte-equal.
import { randomBytes } from 'node:crypto';

const withTail = (head: number[] | Buffer, size: number) => {
  const start = Buffer.from(head);
  return Buffer.concat([start, randomBytes(Math.max(0, size - start.length))]);
};

export const FILES = {
  jpeg: (size = 2048) => withTail([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], size),
  png: (size = 2048) => withTail([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], size),
  webp: (size = 2048) => {
    const file = withTail(Buffer.from('RIFF\0\0\0\0WEBPVP8 '), size);
    file.writeUInt32LE(size - 8, 4);
    return file;
  },
  heic: (size = 2048) => withTail(Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic\0\0\0\0mif1heic')]), size),
  pdf: (size = 2048) => withTail(Buffer.from('%PDF-1.7\n%âãÏÓ\n'), size),
  /** A Windows program (MZ header), as a phone might present it under a photo's name. */
  exe: (size = 2048) => withTail(Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0', 'latin1'), size),
  /** An HTML page with a script: not an image, whatever it is called. */
  html: () => Buffer.from('<html><script>alert(1)</script></html>'),
} as const;

export function multipartForm(files: Array<{ field?: string; bytes: Buffer; name: string; type?: string }>): FormData {
  const form = new FormData();
  for (const file of files) {
    form.append(file.field ?? 'file', new Blob([file.bytes], { type: file.type ?? 'image/jpeg' }), file.name);
  }
  return form;
}
