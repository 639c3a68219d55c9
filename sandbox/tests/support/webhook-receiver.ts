// A tiny local HTTP server that plays the proxy's webhook endpoint: it records what the sandbox sends and answers with
// the statuses a test asks for.
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { Json } from './sandbox-server';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Json;
}

export interface Receiver<R extends ReceivedRequest> {
  url: string;
  received: R[];
  /** Status codes for the next requests, in order (0: never answer); 200 once they are used up. */
  answerWith(...statuses: number[]): void;
  /** Resolves once `count` webhooks have arrived in total. */
  waitFor(count: number): Promise<R[]>;
  close(): Promise<void>;
}

/** Listens at `path` on a free port; `inspect` adds to each request what the test asks of it (e.g. a signature check). */
export async function startReceiver<R extends ReceivedRequest>(
  path: string,
  inspect: (request: ReceivedRequest) => R,
): Promise<Receiver<R>> {
  const received: R[] = [];
  const answers: number[] = [];
  let waiters: { count: number; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      received.push(inspect({ headers: request.headers, rawBody, body: JSON.parse(rawBody) as Json }));
      const status = answers.shift() ?? 200;
      if (status !== 0) {
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
      }
      const ready = waiters.filter((waiter) => received.length >= waiter.count);
      waiters = waiters.filter((waiter) => received.length < waiter.count);
      for (const waiter of ready) waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('receiver did not listen on TCP');
  return {
    url: `http://127.0.0.1:${address.port}${path}`,
    received,
    answerWith: (...statuses) => answers.push(...statuses),
    waitFor(count) {
      if (received.length >= count) return Promise.resolve(received);
      return new Promise((resolve) => waiters.push({ count, resolve: () => resolve(received) }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
