import { getApiClient } from '@/lib/api-client';
import type { UploadResult } from '../types';

// A 2 MB photo over weak 3G (~30 KB/s) takes over a minute; the default 15 s would cut it off.
export const UPLOAD_TIMEOUT_MS = 180_000;

export interface UploadOptions {
  /** Called with 0–1 as the body goes out. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** POST /api/v1/uploads (multipart, field `file`): the proxy checks the bytes and keeps the file until submission. */
export async function uploadFile(file: File, options: UploadOptions = {}): Promise<UploadResult> {
  const client = await getApiClient();
  const body = new FormData();
  body.append('file', file, file.name);
  const response = await client.post<UploadResult>('/api/v1/uploads', body, {
    signedIn: true,
    timeout: UPLOAD_TIMEOUT_MS,
    signal: options.signal,
    onUploadProgress: (event) => {
      if (event.total) options.onProgress?.(Math.min(1, event.loaded / event.total));
    },
  });
  return response.data;
}
