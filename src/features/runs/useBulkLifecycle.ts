import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { runMutations } from '@/api/queries/run-edits';
import type { BulkAction, BulkOutcome } from '@/lib/bulk-summary';

export type BulkState =
  | { phase: 'idle' }
  | { phase: 'running'; action: BulkAction; settled: number; total: number }
  | { phase: 'done'; outcome: BulkOutcome; retryIds: readonly string[] };

/**
 * Progress reaches the screen at most this often: 10,000 settled requests must not be 10,000
 * renders of the table's selection bar.
 */
const PROGRESS_EVERY_MS = 100;

/**
 * A bulk delete or restore with its progress and outcome. Requests go a few at a time (see
 * setRunsLifecycle); the failed runs, and any a stop left out, stay selected afterwards.
 */
export function useBulkLifecycle(
  nameOf: (runId: string) => string | undefined,
  onSelect: (runIds: readonly string[]) => void,
) {
  const mutation = useMutation(runMutations.setLifecycle());
  const [state, setState] = useState<BulkState>({ phase: 'idle' });
  const stopper = useRef<AbortController | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const start = useCallback(
    (action: BulkAction, runIds: readonly string[]) => {
      // Names now: deleted runs leave the active view as soon as the table refreshes.
      const names = new Map(runIds.map((id) => [id, nameOf(id)]));
      const stop = new AbortController();
      stopper.current = stop;
      let settled = 0;
      setState({ phase: 'running', action, settled: 0, total: runIds.length });
      const onProgress = (n: number) => {
        settled = n;
        timer.current ??= setTimeout(() => {
          timer.current = undefined;
          setState((s) => (s.phase === 'running' ? { ...s, settled } : s));
        }, PROGRESS_EVERY_MS);
      };
      mutation.mutate(
        { runIds, action, onProgress, signal: stop.signal },
        {
          onSuccess: ({ failed, notStarted, succeeded }) => {
            clearTimeout(timer.current);
            timer.current = undefined;
            const retryIds = [...failed.map((f) => f.runId), ...notStarted];
            setState({
              phase: 'done',
              retryIds,
              outcome: {
                action,
                total: runIds.length,
                succeeded,
                notStarted: notStarted.length,
                failures: failed.map((f) => ({
                  runId: f.runId,
                  name: names.get(f.runId),
                  errorCode: f.errorCode,
                  message: f.message,
                })),
              },
            });
            onSelect(retryIds);
          },
        },
      );
    },
    [mutation, nameOf, onSelect],
  );

  const stop = useCallback(() => stopper.current?.abort(new Error('Stopped')), []);
  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);
  return { state, start, stop, dismiss };
}
