// POST /api/v1/uploads: one photo or PDF of a document, checked by its bytes, kept until an application uses it.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { UPLOAD_FIELD, uploadSchema } from '@lao-cai-so/domain/api/uploads';
import { cleanFileName, detectContentType, EXTENSIONS } from '@lao-cai-so/domain/file-type';
import type { Services } from '../../composition';
import { AppError } from '../../errors';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';

const megabytes = (bytes: number) => `${Math.floor(bytes / (1024 * 1024))} MB`;

const fileTooLarge = (max: number) =>
  new AppError(413, 'FILE_TOO_LARGE', `Tệp quá lớn, hãy chọn ảnh hoặc tệp PDF dưới ${megabytes(max)}.`);
const tooManyFiles = () =>
  new AppError(413, 'TOO_MANY_FILES', 'Mỗi lần chỉ gửi một tệp. Hãy gửi từng ảnh hoặc tệp PDF một.');
const unsupportedFileType = () =>
  new AppError(415, 'UNSUPPORTED_FILE_TYPE', 'Chỉ nhận ảnh (JPEG, PNG, WebP, HEIC) hoặc tệp PDF. Hãy chụp lại hoặc chọn tệp khác.');
const fileMissing = () => new AppError(400, 'FILE_MISSING', `Chưa có tệp nào được gửi (trường "${UPLOAD_FIELD}").`);
const multipartRequired = () =>
  new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `Hãy gửi tệp dạng multipart/form-data, trong trường "${UPLOAD_FIELD}".`);
const multipartMalformed = () =>
  new AppError(400, 'MULTIPART_MALFORMED', 'Dữ liệu tệp gửi lên bị lỗi hoặc không đầy đủ. Hãy chọn lại tệp và gửi lại.');
const fileEmpty = () => new AppError(400, 'FILE_EMPTY', 'Tệp trống. Hãy chụp lại hoặc chọn tệp khác.');

export async function uploadRoutes(
  app: FastifyInstance,
  { services }: { services: Services },
): Promise<void> {
  const { maxFileBytes } = services.config.uploads;
  // Scoped to this plugin: only this route parses multipart. busboy stops reading a file at the limit, so a huge
  // upload is never held in memory whole.
  await app.register(multipart, {
    limits: { fileSize: maxFileBytes, files: 1, fields: 5, parts: 6, headerPairs: 100 },
  });

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/uploads',
    {
      schema: {
        tags: [TAGS.applications],
        summary: 'Upload a photo or PDF of a document',
        description:
          `multipart/form-data with one file part named "${UPLOAD_FIELD}". JPEG, PNG, WebP, HEIC or PDF, told by the ` +
          `bytes (not the name or the declared type); at most ${megabytes(maxFileBytes)}. 413 FILE_TOO_LARGE, ` +
          '413 TOO_MANY_FILES (more than one part), 415 UNSUPPORTED_FILE_TYPE, 400 FILE_MISSING / FILE_EMPTY, ' +
          '400 MULTIPART_MALFORMED (no or a wrong boundary, a truncated body). ' +
          'The upload is kept for the signed-in citizen until an application attaches it.',
        consumes: ['multipart/form-data'],
        response: { 201: toJsonSchema(uploadSchema), ...errorResponses(400, 413, 415) },
      },
    },
    async (request, reply) => {
      let file: { bytes: Buffer; name: string } | undefined;
      try {
        for await (const part of request.parts()) {
          // Text fields (a client's own metadata) are ignored; a file under another name is a client mistake.
          if (part.type !== 'file') continue;
          if (part.fieldname !== UPLOAD_FIELD) throw fileMissing();
          file = { bytes: await part.toBuffer(), name: part.filename };
        }
      } catch (error) {
        if (error instanceof AppError) throw error;
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxFileBytes);
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') throw tooManyFiles();
        if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw multipartRequired();
        const statusCode = (error as { statusCode?: number }).statusCode;
        if (statusCode && statusCode >= 400 && statusCode < 500) throw error;
        // Anything else busboy throws while reading the parts is the body's fault, not ours: no boundary, a boundary
        // the body does not use or one too long to search for, a body cut off. A client error, not a 500.
        throw multipartMalformed();
      }
      if (!file) throw fileMissing();
      if (file.bytes.length === 0) throw fileEmpty();
      const contentType = detectContentType(file.bytes.subarray(0, 16));
      if (!contentType) throw unsupportedFileType();

      const upload = await services.uploads.insertUpload({
        citizenId: request.citizenId,
        contentType,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        bytes: file.bytes,
        originalName: cleanFileName(file.name, `tep.${EXTENSIONS[contentType]}`),
      });
      return reply.code(201).send(upload);
    },
  );
}
