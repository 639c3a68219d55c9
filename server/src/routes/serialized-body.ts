// Answers built from a cached value are serialised once, not on every request: the bytes made by the route's own
// response schema (reply.serialize, the same fast-json-stringify code a returned object goes through) are kept
// beside the value, with a tag naming whatever else went into them (e.g. what the clock decided), and sent as they
// are. A new tag makes new bytes; the value going out of the cache takes its bytes with it (a WeakMap).
import type { FastifyReply } from 'fastify';

const JSON_UTF8 = 'application/json; charset=utf-8';

export class SerializedBodies<Source extends object> {
  private readonly bodies = new WeakMap<Source, { tag: string; bytes: Buffer }>();

  /** Sends `payload()` as the route's 200 body, reusing the bytes made earlier for the same source and tag. */
  send(reply: FastifyReply, source: Source, tag: string, payload: () => unknown): FastifyReply {
    let body = this.bodies.get(source);
    if (!body || body.tag !== tag) {
      const serialized = reply.serialize(payload());
      body = { tag, bytes: typeof serialized === 'string' ? Buffer.from(serialized) : Buffer.from(serialized as ArrayBuffer) };
      this.bodies.set(source, body);
    }
    return reply.type(JSON_UTF8).send(body.bytes);
  }
}
