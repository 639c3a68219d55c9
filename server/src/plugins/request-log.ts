// Request logging that cannot leak personal data: by route pattern, never the URL, headers or body. Which requests
// get a line, and why stdout is batched: server/README.md, "Logging on the hot path".
import { type FastifyBaseLogger, type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { redactLogObject } from '@lao-cai-so/domain/log-redaction';
import pino, { type Bindings, type ChildLoggerOptions, type Level, type Logger } from 'pino';
import type { LogLevel } from '../config';

/** Standard output in batches of 12 KB or 250 ms, handed over as bytes: a write per line costs more than the line. */
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
      // The project's one redaction list (credentials, phone and CCCD numbers: domain/src/log-redaction.ts) on every
      // line at every level and depth: @fastify/multipart logs the request's headers at trace.
      formatters: { log: redactLogObject, bindings: redactLogObject },
      // Should a library ever log a request object: its URL, query and body too.
      redact: { paths: ['req.url', 'req.query', 'req.body'], remove: true },
    },
    destination,
  );
}

type LogArgs = Parameters<FastifyBaseLogger['info']>;

/** A request's child logger, built on its first line at an enabled level: building one costs more than a cached read. */
class LazyChildLogger implements FastifyBaseLogger {
  private built: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: Logger,
    private readonly bindings: Bindings,
  ) {}

  private get logger(): FastifyBaseLogger {
    return (this.built ??= this.parent.child(this.bindings));
  }

  get level(): string {
    return this.built ? this.built.level : this.parent.level;
  }

  set level(level: string) {
    this.logger.level = level;
  }

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger.child(bindings, options);
  }

  // Prototype methods (not per-instance closures): one of these is made for every request.
  fatal(...args: LogArgs): void {
    this.write('fatal', args);
  }

  error(...args: LogArgs): void {
    this.write('error', args);
  }

  warn(...args: LogArgs): void {
    this.write('warn', args);
  }

  info(...args: LogArgs): void {
    this.write('info', args);
  }

  debug(...args: LogArgs): void {
    this.write('debug', args);
  }

  trace(...args: LogArgs): void {
    this.write('trace', args);
  }

  silent(): void {}

  private write(level: Level, args: LogArgs): void {
    if (!this.built && !this.parent.isLevelEnabled(level)) return;
    (this.logger[level] as (...line: LogArgs) => void)(...args);
  }
}

/** Fastify's `childLoggerFactory`: a request's logger, built when first used (a route's own log options at once). */
export function lazyChildLoggerFactory(logger: FastifyBaseLogger, bindings: Bindings, options: ChildLoggerOptions): FastifyBaseLogger {
  if (Object.keys(options).length > 0) return logger.child(bindings, options);
  // The app's logger is always pino's (createLogger, or a pino logger handed to buildApp).
  return new LazyChildLogger(logger as Logger, bindings);
}

/** A read answered within this time is routine: counted in the summary, not logged by itself. */
export const SLOW_REQUEST_MS = 1000;
/** How often the summary of routine reads is logged (when there were any). */
export const REQUEST_SUMMARY_INTERVAL_MS = 60_000;

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

interface RouteCounts {
  method: string;
  route: string | null;
  count: number;
  totalMs: number;
  maxMs: number;
}

/** Routine reads per method and route pattern since the last summary line. */
export class RequestSummary {
  private counts = new Map<string, RouteCounts>();
  private since = Date.now();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly logger: Logger) {}

  add(method: string, route: string | null, ms: number): void {
    const key = route === null ? method : `${method} ${route}`;
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { method, route, count: 0, totalMs: 0, maxMs: 0 };
      this.counts.set(key, entry);
    }
    entry.count += 1;
    entry.totalMs += ms;
    if (ms > entry.maxMs) entry.maxMs = ms;
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), REQUEST_SUMMARY_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Logs what was counted (nothing when nothing was) and starts a new period. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.counts.size > 0) {
      const routes = [...this.counts.values()].map(({ method, route, count, totalMs, maxMs }) => ({
        method,
        route,
        count,
        meanMs: Math.round((totalMs / count) * 10) / 10,
        maxMs,
      }));
      this.logger.info({ periodSeconds: Math.round((Date.now() - this.since) / 1000), routes }, 'routine reads');
    }
    this.counts = new Map();
    this.since = Date.now();
  }
}

export class PrivacyLogController extends LogController {
  /** The routine reads' summary; flush() it when the server closes. */
  readonly summary: RequestSummary;

  constructor(logger: Logger) {
    super();
    this.summary = new RequestSummary(logger);
  }

  incomingRequest(): void {
    // Nothing on arrival: requestCompleted logs the request (or counts it) once it is answered.
  }

  routeNotFound(): void {
    // requestCompleted logs it, with route null.
  }

  requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const fields = requestFields(request, reply);
    if (error) {
      reply.log.error({ ...fields, err: safeErrorFields(error) }, 'request errored');
    } else if ((fields.method === 'GET' || fields.method === 'HEAD') && fields.statusCode < 400 && fields.responseTimeMs < SLOW_REQUEST_MS) {
      this.summary.add(fields.method, fields.route, fields.responseTimeMs);
      reply.log.debug(fields, 'request completed');
    } else {
      reply.log.info(fields, 'request completed');
    }
  }

  defaultErrorLog(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ ...requestFields(request, reply), err: safeErrorFields(error) }, 'request failed');
  }

  writeHeadError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
    reply.log.warn({ ...requestFields(request, reply), err: safeErrorFields(error) }, 'writing headers failed');
  }
}
