import { describe, expect, it } from 'vitest';
import { failureLine, formatProgress, summarizeBulk, type BulkFailure } from './bulk-summary';

const fail = (runId: string, name: string | undefined, errorCode: string, message: string) =>
  ({ runId, name, errorCode, message }) satisfies BulkFailure;

describe('formatProgress', () => {
  it('groups thousands', () => {
    expect(formatProgress(120, 10000)).toBe('120 / 10,000');
    expect(formatProgress(0, 1)).toBe('0 / 1');
  });
});

describe('summarizeBulk', () => {
  it('says all went well in one line', () => {
    const s = summarizeBulk({
      action: 'delete',
      total: 30,
      succeeded: 30,
      failures: [],
      notStarted: 0,
    });
    expect(s).toEqual({ title: 'Deleted 30 runs.', lines: [], more: 0, codes: [] });
    expect(
      summarizeBulk({ action: 'restore', total: 1, succeeded: 1, failures: [], notStarted: 0 })
        .title,
    ).toBe('Restored 1 run.');
  });

  it('names each failed run with MLflow’s error code and message', () => {
    const s = summarizeBulk({
      action: 'delete',
      total: 30,
      succeeded: 28,
      failures: [
        fail('abc123', 'lr-0.1', 'RESOURCE_DOES_NOT_EXIST', "Run 'abc123' not found"),
        fail('def456', undefined, 'PERMISSION_DENIED', 'User cannot delete this run'),
      ],
      notStarted: 0,
    });
    expect(s.title).toBe('Deleted 28 of 30 runs. 2 failed.');
    expect(s.lines).toEqual([
      "lr-0.1 (abc123): RESOURCE_DOES_NOT_EXIST: Run 'abc123' not found",
      'def456: PERMISSION_DENIED: User cannot delete this run',
    ]);
    expect(s.codes).toEqual([
      ['PERMISSION_DENIED', 1],
      ['RESOURCE_DOES_NOT_EXIST', 1],
    ]);
  });

  it('lists the first failures, counts the rest, and tallies codes', () => {
    const failures = Array.from({ length: 9_000 }, (_, i) =>
      fail(
        `r${i}`,
        `run ${i}`,
        i % 3 === 0 ? 'TEMPORARILY_UNAVAILABLE' : 'MLFLOW_UNAVAILABLE',
        'down',
      ),
    );
    const s = summarizeBulk(
      { action: 'restore', total: 10_000, succeeded: 1_000, failures, notStarted: 0 },
      20,
    );
    expect(s.title).toBe('Restored 1,000 of 10,000 runs. 9,000 failed.');
    expect(s.lines).toHaveLength(20);
    expect(s.lines[0]).toBe('run 0 (r0): TEMPORARILY_UNAVAILABLE: down');
    expect(s.more).toBe(8_980);
    expect(s.codes).toEqual([
      ['MLFLOW_UNAVAILABLE', 6_000],
      ['TEMPORARILY_UNAVAILABLE', 3_000],
    ]);
  });

  it('says how many were never attempted after a stop', () => {
    const s = summarizeBulk({
      action: 'delete',
      total: 10_000,
      succeeded: 120,
      failures: [],
      notStarted: 9_880,
    });
    expect(s.title).toBe('Deleted 120 of 10,000 runs. Stopped: 9,880 not attempted.');
  });
});

describe('failureLine', () => {
  it('shortens a very long message', () => {
    const line = failureLine(fail('x', 'n', 'INTERNAL_ERROR', 'e'.repeat(5_000)));
    expect(line.length).toBeLessThan(400);
    expect(line.endsWith('…')).toBe(true);
  });
});
