import { Readable } from 'node:stream';

/** MLflow's JSON requests are far below this; uploads above it stream through unbuffered. */
export const REPLAYABLE_BODY_LIMIT = 1024 * 1024;

/**
 * Reads a request body into memory if it is small, so a rate-limited write can be sent again;
 * a larger body comes back as a stream (what was read so far, then the rest) and is sent once.
 */
export async function takeBody(
  stream: Readable,
  declaredLength: number | undefined,
  limit: number = REPLAYABLE_BODY_LIMIT,
): Promise<Buffer | Readable> {
  if (declaredLength !== undefined && declaredLength > limit) return stream;
  const iterator: AsyncIterator<unknown> = stream[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  for (;;) {
    const next = await iterator.next();
    if (next.done) return Buffer.concat(head, size);
    const chunk = toBuffer(next.value);
    head.push(chunk);
    size += chunk.length;
    if (size > limit) return Readable.from(concat(head, iterator), { objectMode: false });
  }
}

async function* concat(head: Buffer[], rest: AsyncIterator<unknown>): AsyncGenerator<Buffer> {
  yield* head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield toBuffer(next.value);
  }
}

function toBuffer(chunk: unknown): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
}
