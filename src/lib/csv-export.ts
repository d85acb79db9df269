// Metric points as CSV (RFC 4180): fields with commas, quotes or newlines are quoted.

export interface CsvPoint {
  runId: string;
  runName: string;
  key: string;
  step: number;
  timestamp: number;
  value: number;
}

function field(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** NaN and ±Infinity are written the way MLflow writes them. */
function number(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  return String(v);
}

export function metricPointsCsv(points: readonly CsvPoint[]): string {
  const lines = ['run_id,run_name,key,step,timestamp,value'];
  for (const p of points) {
    lines.push(
      [
        field(p.runId),
        field(p.runName),
        field(p.key),
        number(p.step),
        number(p.timestamp),
        number(p.value),
      ].join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** A file name safe on every OS, from a metric key like `train/loss`. */
export function exportFileName(key: string, extension: string): string {
  const base = key.replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '') || 'metric';
  return `${base}.${extension}`;
}
