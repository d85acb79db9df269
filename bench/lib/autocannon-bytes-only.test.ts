import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { describe, expect, it } from 'vitest';
import { dropAnswerBodies } from './autocannon-bytes-only.ts';

describe('dropAnswerBodies', () => {
  it('leaves autocannon counting every byte of every answer while it keeps no body', async () => {
    const body = Buffer.alloc(10_000, 'x');
    const server = createServer((_req, res) => res.end(body));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    dropAnswerBodies();
    dropAnswerBodies(); // a second call is harmless
    const seen: string[] = [];
    const bytes: number[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `http://127.0.0.1:${port}`,
            connections: 1,
            amount: 3,
            requests: [{ method: 'GET', onResponse: (_s, b) => seen.push(b) }],
          },
          (err) => (err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve()),
        );
        instance.on('response', (_c, _status, resBytes) => bytes.push(resBytes));
      });
    } finally {
      server.close();
    }
    expect(seen).toEqual(['', '', '']);
    // Headers plus the 10,000-byte body: each answer's bytes are still counted in full.
    expect(bytes).toHaveLength(3);
    for (const b of bytes) expect(b).toBeGreaterThan(10_000);
  });
});
