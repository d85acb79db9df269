import { describe, expect, it } from 'vitest';
import { axisId, parseAxisId, scatterPoints } from './scatter-points';
import type { ScatterRunInput } from './scatter-points';

const run = (
  runId: string,
  params: Record<string, string>,
  metrics: Record<string, number>,
): ScatterRunInput => ({
  runId,
  name: `run ${runId}`,
  params: new Map(Object.entries(params)),
  metrics: new Map(Object.entries(metrics).map(([k, value]) => [k, { value }])),
});

describe('scatterPoints', () => {
  const runs = [
    run('a', { lr: '0.01', opt: 'adam' }, { loss: 0.4 }),
    run('b', { lr: '1e-3', opt: 'sgd' }, { loss: 0.6 }),
    run('c', { lr: 'auto' }, { loss: 0.5 }),
    run('d', {}, { loss: 0.3 }),
    run('e', { lr: '0.1' }, { loss: Number.NaN }),
  ];

  it('places runs whose values are numbers, and counts the others by reason', () => {
    const out = scatterPoints(
      runs,
      { kind: 'params', key: 'lr' },
      { kind: 'metrics', key: 'loss' },
    );
    expect(out.points).toEqual([
      { runId: 'a', name: 'run a', x: 0.01, y: 0.4 },
      { runId: 'b', name: 'run b', x: 0.001, y: 0.6 },
    ]);
    expect(out.missing).toBe(1); // d has no lr
    expect(out.notNumeric).toBe(2); // c's lr is text, e's loss is NaN
  });

  it('a metric against itself is the diagonal', () => {
    const out = scatterPoints(
      runs.slice(0, 2),
      { kind: 'metrics', key: 'loss' },
      { kind: 'metrics', key: 'loss' },
    );
    expect(out.points.map((p) => [p.x, p.y])).toEqual([
      [0.4, 0.4],
      [0.6, 0.6],
    ]);
  });
});

describe('axis ids', () => {
  it('round-trip, with dots kept in the key', () => {
    expect(parseAxisId(axisId({ kind: 'metrics', key: 'val.loss' }))).toEqual({
      kind: 'metrics',
      key: 'val.loss',
    });
    expect(parseAxisId('params.lr')).toEqual({ kind: 'params', key: 'lr' });
  });
  it.each([null, '', 'lr', 'tags.x', 'metrics.', 'attributes.status'])('%j names no axis', (id) => {
    expect(parseAxisId(id)).toBeUndefined();
  });
});
