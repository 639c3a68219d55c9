// Request logging that cannot leak personal data. Fastify's own request lines print the URL (with its query
// string) and the request object; this controller logs each request once by its route pattern instead, and
// never the URL, headers or body.
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config';

/**
 * Standard output, written asynchronously in batches: a line waits until 12 KB have gathered or 250 ms have passed,
 * so that under load one write carries some sixty request lines instead of one each (each write costs the main
 * thread tens of microseconds: the hand-over to libuv's thread pool). Lines are handed over as bytes
 * (sonic-boom's buffer mode): in its string mode it measures the whole pending batch again for every line it adds
 * (Buffer.byteLength of a growing string), which cost more than building the line. pino flushes what is left
 * synchronously when the process exits (also after an uncaught exception); only a SIGKILL can lose the last quarter
 * second.
 */
export function stdoutDestination(): pino.DestinationStream {
  const stream = pino.destination({
    dest: process.stdout.fd ?? 1,
    sync: false,
    minLength: 12 * 1024, // below sonic-boom's 16 KB maxWrite
    periodicFlush: 250,
    contentMode: 'buffer',
  });
  const bytes = stream as unknown as { write(chunk: Buffer): boolean };
  return {
    write: (line: string) => bytes.write(Buffer.from(line)),
    flush: (callback?: (error?: Error) => void) => stream.flush(callback),
    flushSync: () => stream.flushSync(),
  } as pino.DestinationStream;
}

export function createLogger(level: LogLevel, destination: pino.DestinationStream = stdoutDestination()): Logger {
  return pino(
    {
      level,
      // Defence in depth, should a library ever log a request object.
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'req.url', 'req.query', 'req.body'],
        remove: true,
      },
    },
    destination,
  );
}

function requestFields(request: FastifyRequest, reply: FastifyReply) {
  return {
    method: request.method,
    route: request.routeOptions.url ?? null,
    statusCode: reply.statusCode,
    responseTimeMs: Math.round(reply.elapsedTime * 10) / 10,
  };
}

/** Only the error's class, code and message (database errors carry the query's parameters). */
export function safeErrorFields(error: Error & { code?: unknown }) {
  return { type: error.name, code: error.code, message: error.message, stack: error.stack };
}

export class PrivacyLogController extends LogController {
  incomingRequest(): void {
    // One line per request, written on completion.
  }

  routeNotFound(): void {
    // requestCompleted logs it, with route null.
  }

  requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = requestFields(request, reply);
    if (error) reply.log.error({ ...fields, err: safeErrorFields(error) }, 'request errored');
    else reply.log.info(fields, 'request completed');
  }

  defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ ...requestFields(request, reply), err: safeErrorFields(error) }, 'request failed');
  }

  writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ ...requestFields(request, reply), err: safeErrorFields(error) }, 'writing headers failed');
  }
}
