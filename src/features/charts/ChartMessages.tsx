import { MlflowError } from '@/api/errors';
import type { YScale } from '@/lib/chart-axes';

interface ChartMessagesProps {
  summary: { nan: number; infinite: number; outOfRange: number; nonPositive: number };
  yScale: YScale;
  fullError: unknown;
}

function plural(n: number, word: string) {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** What the chart could not draw, said in words rather than silently dropped. */
export function ChartMessages({ summary, yScale, fullError }: ChartMessagesProps) {
  const notes: string[] = [];
  if (summary.nan > 0)
    notes.push(`${plural(summary.nan, 'NaN value')} not drawn (gaps in the line).`);
  if (summary.infinite > 0) notes.push(`${plural(summary.infinite, 'infinite value')} not drawn.`);
  if (summary.outOfRange > 0)
    notes.push(
      `${plural(summary.outOfRange, 'value')} beyond the chart's range (${yScale === 'log' ? '1e-300 to 1e300' : '±1e300'}) not drawn.`,
    );
  if (yScale === 'log' && summary.nonPositive > 0)
    notes.push(
      `${plural(summary.nonPositive, 'value')} ≤ 0 left out: a log scale cannot show them.`,
    );
  if (fullError)
    notes.push(
      `Full-fidelity series unavailable (${fullError instanceof MlflowError ? fullError.errorCode || fullError.message : String(fullError)}); showing MLflow's sample.`,
    );
  if (notes.length === 0) return null;
  return (
    <ul className="metric-chart-messages" role="status">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
