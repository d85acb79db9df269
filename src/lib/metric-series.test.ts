import { describe, expect, it } from 'vitest';
import { reduce } from './downsample';
import {
  decodeMetricSeries,
  decodeValue,
  encodeReducedPoints,
  encodeValue,
  type MetricSeriesWire,
} from './metric-series';

describe('metric-series wire format', () => {
  it('spells non-finite values as MLflow does and reads them back', () => {
    expect([NaN, Infinity, -Infinity, 1.5].map(encodeValue)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      1.5,
    ]);
    expect(['NaN', 'Infinity', '-Infinity', 2].map((v) => decodeValue(v as never))).toEqual([
      NaN,
      Infinity,
      -Infinity,
      2,
    ]);
  });

  it('round-trips a reduction through JSON, bands null where NaN', () => {
    const x = Float64Array.of(0, 1, 2, 3);
    const y = Float64Array.of(1, NaN, Infinity, -0.5);
    const t = Float64Array.of(100, 110, 120, 130);
    const points = encodeReducedPoints(reduce(x, y, 10), t);
    const wire: MetricSeriesWire = {
      run_id: 'r',
      key: 'loss',
      raw_count: 4,
      window_count: 4,
      start_step: null,
      end_step: null,
      exact: true,
      running: false,
      ...points,
    };
    const text = JSON.stringify(wire);
    expect(text).toContain('"value":[1,"NaN","Infinity",-0.5]');
    expect(text).toContain('"band_min":[1,null,null,-0.5]');
    const back = decodeMetricSeries(JSON.parse(text) as MetricSeriesWire);
    expect([...back.x]).toEqual([0, 1, 2, 3]);
    expect([...back.y]).toEqual([1, NaN, Infinity, -0.5]);
    expect([...back.t]).toEqual([100, 110, 120, 130]);
    expect([...back.bandMax]).toEqual([1, NaN, NaN, -0.5]);
  });

  it('takes timestamps from the raw series by index, with a window offset', () => {
    const x = Float64Array.of(10, 11, 12);
    const y = Float64Array.of(1, 2, 3);
    const t = Float64Array.of(7, 500, 600, 700);
    expect(encodeReducedPoints(reduce(x, y, 5), t, 1).timestamp).toEqual([500, 600, 700]);
  });
});
