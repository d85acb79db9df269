import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSystemMetric, splitSystemMetrics } from './system-metrics';

describe('isSystemMetric', () => {
  it("takes the names MLflow's system-metrics monitor logs", () => {
    for (const key of [
      'system/cpu_utilization_percentage',
      'system/system_memory_usage_megabytes',
      'system/gpu_0_utilization_percentage',
      'system/node_0/cpu_utilization_percentage',
      'system/',
    ])
      expect(isSystemMetric(key), key).toBe(true);
  });

  it("leaves a run's own metrics alone, however close the name", () => {
    for (const key of [
      'loss',
      'System/cpu',
      'SYSTEM/cpu',
      'systems/cpu',
      'system',
      'system_cpu',
      ' system/cpu',
      'train/system/cpu',
      '',
    ])
      expect(isSystemMetric(key), key).toBe(false);
  });
});

describe('splitSystemMetrics', () => {
  const key = (m: { key: string }) => m.key;

  it('puts each metric on its side and keeps the order within each', () => {
    const metrics = ['loss', 'system/gpu_0_memory_usage_megabytes', 'acc', 'system/cpu'].map(
      (k) => ({ key: k }),
    );
    const { own, system } = splitSystemMetrics(metrics, key);
    expect(own.map(key)).toEqual(['loss', 'acc']);
    expect(system.map(key)).toEqual(['system/gpu_0_memory_usage_megabytes', 'system/cpu']);
  });

  it('returns two empty lists for no metrics', () => {
    expect(splitSystemMetrics([], key)).toEqual({ own: [], system: [] });
  });

  it('loses nothing and adds nothing, for any keys', () => {
    const keys = fc.oneof(
      fc.string(),
      fc.string().map((s) => `system/${s}`),
    );
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 40 }), (list) => {
        const { own, system } = splitSystemMetrics(list, (k) => k);
        expect(own.length + system.length).toBe(list.length);
        expect(own.every((k) => !k.startsWith('system/'))).toBe(true);
        expect(system.every((k) => k.startsWith('system/'))).toBe(true);
        // Each side is the input with the other side's items taken out, in the same order.
        expect(list.filter((k) => k.startsWith('system/'))).toEqual(system);
        expect(list.filter((k) => !k.startsWith('system/'))).toEqual(own);
      }),
    );
  });
});
