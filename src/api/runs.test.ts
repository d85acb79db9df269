import { describe, expect, it } from 'vitest';
import { normalizeRun } from './runs';
import type { Run } from './types';

const finished: Run = {
  info: {
    run_id: 'abc123',
    run_uuid: 'abc123',
    run_name: 'sweep-7',
    experiment_id: '4',
    user_id: 'legacy-user',
    status: 'FINISHED',
    start_time: 1_700_000_000_000,
    end_time: 1_700_000_065_500,
    artifact_uri: 'mlflow-artifacts:/4/abc123/artifacts',
    lifecycle_stage: 'active',
  },
  data: {
    metrics: [
      { key: 'accuracy', value: 0.93, timestamp: 1_700_000_060_000, step: 9 },
      { key: 'loss', value: 'NaN', timestamp: 1_700_000_060_000, step: 9 },
      { key: 'grad', value: 'Infinity', timestamp: '1700000060000', step: '12' },
      { key: 'delta', value: '-Infinity' },
    ],
    params: [
      { key: 'C', value: '0.1' },
      { key: '__proto__', value: 'still a param' },
    ],
    tags: [
      { key: 'mlflow.user', value: 'ada' },
      { key: 'mlflow.runName', value: 'tag-name' },
      { key: 'mlflow.parentRunId', value: 'parent1' },
      { key: 'team', value: 'churn' },
    ],
  },
};

describe('normalizeRun', () => {
  const run = normalizeRun(finished);

  it('keeps the identity and lifecycle', () => {
    expect(run).toMatchObject({
      runId: 'abc123',
      experimentId: '4',
      status: 'FINISHED',
      lifecycleStage: 'active',
      artifactUri: 'mlflow-artifacts:/4/abc123/artifacts',
    });
  });

  it('prefers info.run_name, then the mlflow.runName tag, then the run id', () => {
    expect(run.name).toBe('sweep-7');
    const tagOnly = normalizeRun({ ...finished, info: { ...finished.info, run_name: '' } });
    expect(tagOnly.name).toBe('tag-name');
    expect(normalizeRun({ info: { run_id: 'r9', experiment_id: '1' } }).name).toBe('r9');
  });

  it('keeps a name with HTML as plain characters', () => {
    const html = normalizeRun({
      info: { run_id: 'r', experiment_id: '1', run_name: '<b>bold</b>' },
    });
    expect(html.name).toBe('<b>bold</b>');
  });

  it('parses metric values including NaN and ±Infinity strings', () => {
    expect(run.metrics.get('accuracy')?.value).toBe(0.93);
    expect(run.metrics.get('loss')?.value).toBeNaN();
    expect(run.metrics.get('grad')?.value).toBe(Number.POSITIVE_INFINITY);
    expect(run.metrics.get('delta')?.value).toBe(Number.NEGATIVE_INFINITY);
  });

  it('parses int64 steps and timestamps sent as numbers or strings', () => {
    expect(run.metrics.get('accuracy')).toMatchObject({ step: 9, timestamp: 1_700_000_060_000 });
    expect(run.metrics.get('grad')).toMatchObject({ step: 12, timestamp: 1_700_000_060_000 });
    expect(run.metrics.get('delta')).toMatchObject({ step: 0, timestamp: undefined });
  });

  it('turns params and tags into maps, safely for keys like __proto__', () => {
    expect(run.params.get('C')).toBe('0.1');
    expect(run.params.get('__proto__')).toBe('still a param');
    expect(run.tags.get('team')).toBe('churn');
  });

  it('reads the user from mlflow.user, falling back to user_id', () => {
    expect(run.user).toBe('ada');
    const legacy = normalizeRun({ info: { ...finished.info } });
    expect(legacy.user).toBe('legacy-user');
    expect(normalizeRun({ info: { run_id: 'r', experiment_id: '1' } }).user).toBeUndefined();
  });

  it('reads the parent run id from mlflow.parentRunId', () => {
    expect(run.parentRunId).toBe('parent1');
    expect(normalizeRun({ info: finished.info }).parentRunId).toBeUndefined();
  });

  it('computes the duration from start and end times, also from string int64s', () => {
    expect(run.durationMs).toBe(65_500);
    const strings = normalizeRun({
      info: { run_id: 'r', experiment_id: '1', start_time: '1000', end_time: '4400' },
    });
    expect(strings).toMatchObject({ startTime: 1000, endTime: 4400, durationMs: 3400 });
  });

  it('has no end time or duration while running (omitted or sent as 0)', () => {
    const running = normalizeRun({
      info: { run_id: 'r', experiment_id: '1', status: 'RUNNING', start_time: 1000 },
    });
    expect(running).toMatchObject({ endTime: undefined, durationMs: undefined });
    const zero = normalizeRun({
      info: { run_id: 'r', experiment_id: '1', start_time: 1000, end_time: 0 },
    });
    expect(zero).toMatchObject({ endTime: undefined, durationMs: undefined });
  });

  it('tolerates a run with no data and no lifecycle stage', () => {
    const bare = normalizeRun({ info: { run_id: 'r', experiment_id: '1' } });
    expect(bare.lifecycleStage).toBe('active');
    expect(bare.metrics.size + bare.params.size + bare.tags.size).toBe(0);
  });

  it('falls back to run_uuid on servers that send only that', () => {
    expect(normalizeRun({ info: { run_id: '', run_uuid: 'old', experiment_id: '1' } }).runId).toBe(
      'old',
    );
  });
});
