/**
 * A cached answer: status, the headers worth replaying, the exact body bytes and their ETag. Stored in
 * Redis as one value: a line of JSON metadata, a newline, then the body bytes.
 */
import { createHash } from 'crypto';

export interface Entry {
  status: number;
  headers: Record<string, string>;
  etag: string;
  body: Buffer;
}

/** Statuses worth storing: a success, or the permanent redirect of an old slug. Never an error. */
export const STORABLE_STATUSES: ReadonlySet<number> = new Set([200, 301]);

export const etagOf = (body: Buffer): string =>
  `"${createHash('sha1').update(body).digest('base64url')}"`;

export const makeEntry = (
  status: number,
  headers: Record<string, string>,
  body: Buffer
): Entry => ({
  status,
  headers,
  etag: etagOf(body),
  body,
});

export const encodeEntry = (entry: Entry): Buffer =>
  Buffer.concat([
    Buffer.from(`${JSON.stringify({ s: entry.status, h: entry.headers, e: entry.etag })}\n`),
    entry.body,
  ]);

/** The entry, or null for a value that is not one (then it is treated as a miss). */
export const decodeEntry = (value: Buffer): Entry | null => {
  const newline = value.indexOf(0x0a);
  if (newline === -1) return null;
  try {
    const meta = JSON.parse(value.subarray(0, newline).toString('utf8')) as {
      s: number;
      h: Record<string, string>;
      e: string;
    };
    if (
      typeof meta.s !== 'number' ||
      typeof meta.e !== 'string' ||
      !meta.h ||
      typeof meta.h !== 'object'
    )
      return null;
    return { status: meta.s, headers: meta.h, etag: meta.e, body: value.subarray(newline + 1) };
  } catch {
    return null;
  }
};

/** What an entry costs in memory, roughly: its body, headers and key, plus a fixed overhead. */
export const entrySize = (entry: Entry, key: string): number => {
  let size = entry.body.length + key.length + entry.etag.length + 200;
  for (const [name, value] of Object.entries(entry.headers))
    size += name.length + value.length + 16;
  return size;
};

/** RFC 9110 If-None-Match: `*`, or a list of (weak or strong) tags compared weakly. */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (!header) return false;
  const value = header.trim();
  if (value === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return value.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
};
