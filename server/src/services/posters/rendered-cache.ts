// Generated QR codes and posters, kept by their ETag: the same content gives the same bytes, so a tag names them.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** A strong ETag from what the bytes are made of (format, layout version, link, texts, catalogue version). */
export function contentEtag(parts: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 27)}"`;
}

/**
 * Whether `If-None-Match` names the current representation (RFC 9110 §13.1.2: weak comparison, so `W/"x"`
 * matches `"x"`; `*` matches any).
 */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

/**
 * Bytes by ETag, least recently used dropped first once `maxBytes` is reached. One province's QR codes and posters
 * (about 100 offices) fit many times over.
 */
export function createRenderedCache(maxBytes = 32 * 1024 * 1024): LRUCache<string, Buffer> {
  return new LRUCache<string, Buffer>({ maxSize: maxBytes, sizeCalculation: (bytes) => Math.max(1, bytes.length) });
}
