import { describe, expect, it } from 'vitest';
import { exportFileName, metricPointsCsv } from './csv-export';

describe('metric CSV', () => {
  it('writes a header and one line per point, quoting what needs it', () => {
    const csv = metricPointsCsv([
      { runId: 'r1', runName: 'a, "b"', key: 'loss', step: 3, timestamp: 1000, value: 0.5 },
      { runId: 'r1', runName: 'x', key: 'loss', step: 4, timestamp: 1001, value: Number.NaN },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'run_id,run_name,key,step,timestamp,value',
      'r1,"a, ""b""",loss,3,1000,0.5',
      'r1,x,loss,4,1001,NaN',
      '',
    ]);
  });
  it('makes file names out of metric keys', () => {
    expect(exportFileName('train/loss', 'csv')).toBe('train_loss.csv');
    expect(exportFileName('///', 'png')).toBe('metric.png');
  });
});
