// A message router only: the work lives in series-tasks.ts and src/lib/.
import { MlflowError } from '@/api/errors';
import { transferables } from './protocol';
import type { FromWorker, ToWorker } from './protocol';
import { runTask } from './series-tasks';

const inFlight = new Map<number, AbortController>();

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
    const result = await runTask(msg.request, controller.signal);
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
