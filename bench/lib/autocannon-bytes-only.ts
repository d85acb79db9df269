// autocannon 9 keeps each answer's body as a string (PipelinedRequestsQueue.addBody does
// `body += chunk`, decoding every chunk as UTF-8) whether or not anything reads it. For the cached
// metric-series answer, ~62 KB of brotli, that copy cost the load generator about 1 ms per answer:
// at ~1,000 req/s it used 1.07 cores of this 2-core machine while Parallax used 0.19, so the
// latency it reported was mostly its own backlog. (A local experiment, a Node server sending 62 KB
// of random bytes to 50 connections: 1,240 req/s, p99 48 ms with the copy; 12,500 req/s, p99 8 ms
// without it.) No bench request reads a body (onResponse looks at headers only), so the bench
// turns the copy off. Everything else is unchanged: the same requests, every byte still read off
// the socket, parsed by the HTTP parser and counted (bytes are counted from socket data, not from
// the body). The suites' notes say so, since it changes how latency was measured before.
import { createRequire } from 'node:module';

interface Queue {
  prototype: { addBody: (data: unknown) => void };
}

let done = false;

/** Makes autocannon drop answer bodies instead of keeping them as strings; idempotent. */
export function dropAnswerBodies(): void {
  if (done) return;
  const require = createRequire(import.meta.url);
  // The same file autocannon's client requires (the package has no `exports` map), so the same
  // class: patching its prototype reaches every client autocannon creates in this process.
  const queue = require('autocannon/lib/pipelinedRequestsQueue.js') as Queue;
  // Fail loudly if a new autocannon moved the method: the bench must not silently measure
  // with the copy back on (or crash mid-run).
  if (typeof queue.prototype.addBody !== 'function')
    throw new Error('autocannon changed: PipelinedRequestsQueue.prototype.addBody is gone');
  queue.prototype.addBody = () => {};
  done = true;
}
