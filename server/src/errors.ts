// Every error the API returns has the shape { statusCode, code, message }: `code` is stable English for
// programs, `message` is plain Vietnamese for the citizen, saying what to do next.

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, code = 'VALIDATION_FAILED') {
    super(400, code, message);
  }
}

export class NotFoundError extends AppError {
  constructor(code: string, message: string) {
    super(404, code, message);
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(code: string, message: string) {
    super(503, code, message);
  }
}

/** 422 with a Vietnamese message per field (or document) code, so a form can show each next to its input. */
export class FieldErrors extends AppError {
  constructor(
    message: string,
    readonly fields: Record<string, string>,
    code = 'VALIDATION_FAILED',
  ) {
    super(422, code, message);
  }
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  /** Only on FieldErrors: message per field code. */
  fields?: Record<string, string>;
}
