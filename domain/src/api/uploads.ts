// POST /api/v1/uploads: one photo or PDF of a document (multipart, the file in the `file` field).
import { z } from 'zod';
import { ALLOWED_CONTENT_TYPES } from '../file-type';

/** The multipart field that carries the file. */
export const UPLOAD_FIELD = 'file';

export const uploadSchema = z.object({
  id: z.uuid(),
  size: z.int().min(1).meta({ description: 'Bytes' }),
  contentType: z.enum(ALLOWED_CONTENT_TYPES).meta({ description: 'Detected from the bytes' }),
});
