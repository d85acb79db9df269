// What a bulk delete or restore says while it runs and once it is over: progress as "120 / 10,000",
// then a summary that names every failed run with MLflow's error, so nothing fails silently.

export type BulkAction = 'delete' | 'restore';

export interface BulkFailure {
  runId: string;
  /** The run's name as the table showed it when the action started. */
  name: string | undefined;
  errorCode: string;
  message: string;
}

export interface BulkOutcome {
  action: BulkAction;
  total: number;
  succeeded: number;
  failures: readonly BulkFailure[];
  /** Runs not attempted because the action was stopped. */
  notStarted: number;
}

export interface BulkSummary {
  title: string;
  /** One line per failed run, the first `maxListed` of them. */
  lines: string[];
  /** Failed runs beyond the listed ones. */
  more: number;
  /** How many failures each error code caused, most frequent first (a whole batch often shares one). */
  codes: [string, number][];
}

const count = (n: number) => n.toLocaleString('en');
const runs = (n: number) => `${count(n)} ${n === 1 ? 'run' : 'runs'}`;
const PAST: Record<BulkAction, string> = { delete: 'Deleted', restore: 'Restored' };

/** `120 / 10,000`: settled so far over the total. */
export function formatProgress(settled: number, total: number): string {
  return `${count(settled)} / ${count(total)}`;
}

/** One failed run: its name (or that it has none) and id, then MLflow's error code and message. */
export function failureLine(f: BulkFailure): string {
  const who = f.name ? `${f.name} (${f.runId})` : f.runId;
  const message = f.message.length > 300 ? `${f.message.slice(0, 300)}…` : f.message;
  return `${who}: ${f.errorCode}: ${message}`;
}

export function summarizeBulk(outcome: BulkOutcome, maxListed = 20): BulkSummary {
  const { action, total, succeeded, failures, notStarted } = outcome;
  const done = PAST[action];
  const parts: string[] = [];
  if (failures.length === 0 && notStarted === 0) parts.push(`${done} ${runs(total)}.`);
  else parts.push(`${done} ${count(succeeded)} of ${runs(total)}.`);
  if (failures.length > 0) parts.push(`${count(failures.length)} failed.`);
  if (notStarted > 0) parts.push(`Stopped: ${count(notStarted)} not attempted.`);

  const byCode = new Map<string, number>();
  for (const f of failures) byCode.set(f.errorCode, (byCode.get(f.errorCode) ?? 0) + 1);
  const codes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const listed = failures.slice(0, Math.max(0, maxListed));
  return {
    title: parts.join(' '),
    lines: listed.map(failureLine),
    more: failures.length - listed.length,
    codes,
  };
}
