// One error handler for the whole API: every failure leaves as { statusCode, code, message }.
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { AppError, type ErrorBody, FieldErrors } from '../errors';
import { safeErrorFields } from './request-log';

const PLACE_LABEL: Record<string, string> = {
  querystring: 'Tham số',
  params: 'Tham số',
  headers: 'Tiêu đề',
  body: 'Trường',
};

/** A Vietnamese sentence naming the parameter and what it accepts. */
export function describeValidationError(issue: FastifySchemaValidationError, context: string | undefined): string {
  const params = issue.params as Record<string, unknown>;
  const pathName = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const name = (params.missingProperty as string | undefined) ?? (pathName || 'yêu cầu');
  const subject = `${PLACE_LABEL[context ?? ''] ?? 'Tham số'} "${name}"`;
  switch (issue.keyword) {
    case 'required':
      return `Thiếu ${subject.charAt(0).toLowerCase()}${subject.slice(1)}.`;
    case 'type':
      switch (params.type) {
        case 'integer':
          return `${subject} phải là một số nguyên.`;
        case 'number':
          return `${subject} phải là một số.`;
        case 'boolean':
          return `${subject} chỉ nhận giá trị true hoặc false.`;
        default:
          return `${subject} không đúng kiểu dữ liệu.`;
      }
    case 'minimum':
      return `${subject} phải lớn hơn hoặc bằng ${String(params.limit)}.`;
    case 'maximum':
      return `${subject} phải nhỏ hơn hoặc bằng ${String(params.limit)}.`;
    case 'minLength':
      return `${subject} phải có ít nhất ${String(params.limit)} ký tự.`;
    case 'maxLength':
      return `${subject} không được dài quá ${String(params.limit)} ký tự.`;
    case 'enum':
      return `${subject} chỉ nhận một trong các giá trị: ${(params.allowedValues as unknown[]).join(', ')}.`;
    case 'pattern':
    case 'format':
      return `${subject} không đúng định dạng.`;
    default:
      return `${subject} không hợp lệ.`;
  }
}

const GENERIC_CLIENT_ERRORS: Record<number, Omit<ErrorBody, 'statusCode'>> = {
  400: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ. Hãy kiểm tra lại và thử lại.' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy địa chỉ này.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Địa chỉ này không hỗ trợ thao tác đã gửi.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Dữ liệu gửi lên quá lớn.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Định dạng dữ liệu gửi lên không được hỗ trợ.' },
  429: { code: 'TOO_MANY_REQUESTS', message: 'Bạn thao tác quá nhanh. Hãy đợi một lát rồi thử lại.' },
};

const INTERNAL_ERROR: ErrorBody = {
  statusCode: 500,
  code: 'INTERNAL_ERROR',
  message: 'Hệ thống đang gặp sự cố. Hãy thử lại sau ít phút.',
};

export function toErrorBody(error: FastifyError | Error): ErrorBody {
  if (error instanceof FieldErrors) {
    return { statusCode: error.statusCode, code: error.code, message: error.message, fields: error.fields };
  }
  if (error instanceof AppError) {
    return { statusCode: error.statusCode, code: error.code, message: error.message };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation && fastifyError.validation.length > 0) {
    return {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: describeValidationError(fastifyError.validation[0], fastifyError.validationContext),
    };
  }
  const statusCode = fastifyError.statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    const generic = GENERIC_CLIENT_ERRORS[statusCode] ?? GENERIC_CLIENT_ERRORS[400];
    return { statusCode, ...generic };
  }
  return INTERNAL_ERROR;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const body = toErrorBody(error);
    if (body.statusCode >= 500) {
      request.log.error({ err: safeErrorFields(error) }, 'request failed');
    }
    return reply.code(body.statusCode).header('cache-control', 'no-store').send(body);
  });

  app.setNotFoundHandler((_request, reply) => {
    const body: ErrorBody = { statusCode: 404, ...GENERIC_CLIENT_ERRORS[404] };
    return reply.code(404).header('cache-control', 'no-store').send(body);
  });
}
