import {
  COMPRESSION_OPTIONS,
  prepareForUpload,
  shouldCompress,
  type ImageCompressor,
} from '@/features/applications/image-compression';
import { checkFileSize, checkFileType, formatFileSize } from '@/features/applications/file-rules';

const file = (name: string, type: string, bytes = 1000) => new File([new Uint8Array(bytes)], name, { type });

describe('photo compression on the phone', () => {
  it('asks browser-image-compression for a JPEG with the long side at most 2000 px and about 500 KB, without EXIF', () => {
    expect(COMPRESSION_OPTIONS).toEqual({
      maxWidthOrHeight: 2000,
      maxSizeMB: 0.5,
      initialQuality: 0.8,
      fileType: 'image/jpeg',
      preserveExif: false,
      useWebWorker: false,
    });
  });

  it('compresses JPEG, PNG and WebP photos only', () => {
    expect(shouldCompress(file('a.jpg', 'image/jpeg'))).toBe(true);
    expect(shouldCompress(file('a.png', 'image/png'))).toBe(true);
    expect(shouldCompress(file('a.webp', 'image/webp'))).toBe(true);
    expect(shouldCompress(file('a.heic', 'image/heic'))).toBe(false);
    expect(shouldCompress(file('a.pdf', 'application/pdf'))).toBe(false);
  });

  it('uploads the compressed photo as .jpg, or the original when compression fails or does not help', async () => {
    const shrink: ImageCompressor = async () => new Blob([new Uint8Array(100)], { type: 'image/jpeg' });
    const grow: ImageCompressor = async () => new Blob([new Uint8Array(5000)], { type: 'image/jpeg' });
    const fail: ImageCompressor = async () => {
      throw new Error('The source image could not be decoded.');
    };
    const original = file('IMG_0001.PNG', 'image/png', 1000);

    const compressed = await prepareForUpload(original, shrink);
    expect([compressed.name, compressed.type, compressed.size]).toEqual(['IMG_0001.jpg', 'image/jpeg', 100]);
    expect(await prepareForUpload(original, grow)).toBe(original);
    expect(await prepareForUpload(original, fail)).toBe(original);
    const pdf = file('a.pdf', 'application/pdf');
    expect(await prepareForUpload(pdf, shrink)).toBe(pdf);
  });
});

describe('file checks before upload', () => {
  it('accepts photos and PDFs by type, or by name when the phone gives no type', () => {
    expect(checkFileType(file('a.jpg', 'image/jpeg'))).toBeNull();
    expect(checkFileType(file('a.heic', 'image/heic'))).toBeNull();
    expect(checkFileType(file('a.pdf', 'application/pdf'))).toBeNull();
    expect(checkFileType(file('a.HEIC', ''))).toBeNull();
    expect(checkFileType(file('a.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'))).toBe('badType');
    expect(checkFileType(file('a.exe', ''))).toBe('badType');
  });

  it('refuses files over 10 MB', () => {
    expect(checkFileSize(file('a.pdf', 'application/pdf', 10 * 1024 * 1024))).toBeNull();
    expect(checkFileSize(file('a.pdf', 'application/pdf', 10 * 1024 * 1024 + 1))).toBe('tooLarge');
  });

  it('writes sizes the Vietnamese way', () => {
    expect(formatFileSize(300_000)).toBe('293 KB');
    expect(formatFileSize(1_234_567)).toBe('1,2 MB');
    expect(formatFileSize(10)).toBe('1 KB');
  });
});
