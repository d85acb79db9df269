// A delta as the diff table spells it: "+0.012 (+4.1%)". The absolute part in the metric's own
// format (about 4 significant digits), the relative one as a percentage of the baseline; a sign on
// every nonzero change so that direction reads without color; "=" for an exact tie.
import { formatMetric } from '../format';
import type { Delta } from '../metric-direction';

const signed = (n: number, text: string) => (n > 0 ? `+${text}` : text);

export function deltaText(delta: Delta): string {
  if (delta.absolute === undefined) return '';
  if (delta.verdict === 'same') return '=';
  const abs = signed(delta.absolute, formatMetric(delta.absolute));
  if (delta.relative === undefined) return abs;
  const pct = delta.relative * 100;
  const rel = Number.isFinite(pct) ? `${signed(pct, formatMetric(pct))}%` : pct > 0 ? '+∞%' : '-∞%';
  return `${abs} (${rel})`;
}
