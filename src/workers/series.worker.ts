// A message router only: the work lives in series-tasks.ts and src/lib/.
import { MlflowError } from '@/api/errors';
import { transferables } from './protocol';
import type { FromWorker, SeriesRequest, ToWorker } from './protocol';
import { fetchFull, fetchSampled, smooth } from './series-tasks';

const inFlight = new Map<number, AbortController>();

function run(request: SeriesRequest, signal: AbortSignal) {
  switch (request.type) {
    case 'full':
      return fetchFull(request, signal);
    case 'sampled':
      return fetchSampled(request, signal);
    case 'smooth':
      return Promise.resolve(smooth(request));
  }
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if ('cancel' in msg) {
    inFlight.get(msg.id)?.abort();
    return;
  }
  const controller = new AbortController();
  inFlight.set(msg.id, controller);
  let reply: FromWorker;
  try {
    const result = await run(msg.request, controller.signal);
    reply = { id: msg.id, ok: true, result };
    self.postMessage(reply, { transfer: transferables(result) });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    reply = {
      id: msg.id,
      ok: false,
      error: {
        name: error.name,
        message: error.message,
        ...(error instanceof MlflowError
          ? { status: error.status, errorCode: error.errorCode }
          : {}),
      },
    };
    self.postMessage(reply);
  } finally {
    inFlight.delete(msg.id);
  }
};
