import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * Errors of the sandbox's own endpoints (client stand-ins, control API) use the project's one error shape
 * `{ statusCode, code, message }`. The fake Zalo server APIs do not: they answer like Zalo (HTTP 200, `{ error, message }`).
 */
export class SandboxError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}

export function useProjectErrorShape(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | SandboxError, request, reply) => {
    if (error instanceof SandboxError) {
      return reply.code(error.statusCode).send({ statusCode: error.statusCode, code: error.code, message: error.message });
    }
    if ('validation' in error && error.validation) {
      return reply.code(400).send({
        statusCode: 400,
        code: 'VALIDATION_ERROR',
        message: `Dữ liệu gửi lên không hợp lệ: ${error.message}`,
      });
    }
    const statusCode = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (statusCode >= 500) request.log.error({ err: error }, 'sandbox request failed');
    return reply.code(statusCode).send({
      statusCode,
      code: statusCode >= 500 ? 'INTERNAL_ERROR' : (error.code ?? 'BAD_REQUEST'),
      message: statusCode >= 500 ? 'Sandbox gặp lỗi nội bộ, hãy thử lại.' : `Yêu cầu không hợp lệ: ${error.message}`,
    });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: `Sandbox không có địa chỉ ${request.method} ${request.url.split('?')[0]}.`,
    });
  });
}
