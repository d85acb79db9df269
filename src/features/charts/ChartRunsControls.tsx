import { useId, useState } from 'react';
import { MAX_CHART_RUNS, lowerIsBetter } from '@/lib/chart-choice';
import type { ChartRunsChoice, ChartRunsSource, TopOrder } from '@/lib/chart-choice';
import './metric-picker.css';

interface ChartRunsControlsProps {
  choice: ChartRunsChoice;
  /** Metric keys the runs can be ranked by, sorted. */
  rankable: readonly string[];
  /** The metric `top` starts from when none is chosen yet (the first charted one). */
  defaultBy: string | undefined;
  onChange: (choice: ChartRunsChoice) => void;
}

const SOURCES: { value: ChartRunsSource; label: string }[] = [
  { value: 'auto', label: 'Selected, else first rows' },
  { value: 'selected', label: 'Selected in the table' },
  { value: 'rows', label: 'First rows of the table' },
  { value: 'top', label: 'Top by a metric' },
];

/** Which runs the Charts view draws: a source, how many, and for `top` the metric and order. */
export function ChartRunsControls({
  choice,
  rankable,
  defaultBy,
  onChange,
}: ChartRunsControlsProps) {
  const id = useId();
  // The count as typed: "" or "250" on the way to a valid number is kept here, not written.
  const [draft, setDraft] = useState<string | null>(null);
  const by = choice.by ?? defaultBy ?? rankable[0];
  const byOptions =
    choice.by && !rankable.includes(choice.by) ? [choice.by, ...rankable] : rankable;
  const counted = choice.source === 'rows' || choice.source === 'top';

  return (
    <div className="chart-runs-controls" role="group" aria-label="Runs to chart">
      <label htmlFor={`${id}-src`}>Runs</label>
      <select
        id={`${id}-src`}
        value={choice.source}
        onChange={(e) => {
          const source = e.target.value as ChartRunsSource;
          onChange({ ...choice, source, by: source === 'top' ? by : undefined });
        }}
      >
        {SOURCES.map((s) => (
          <option key={s.value} value={s.value} disabled={s.value === 'top' && !by}>
            {s.label}
          </option>
        ))}
      </select>
      {counted && (
        <>
          <label htmlFor={`${id}-n`}>How many</label>
          <input
            id={`${id}-n`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_CHART_RUNS}
            step={1}
            value={draft ?? String(choice.count)}
            aria-describedby={`${id}-n-max`}
            onChange={(e) => {
              const text = e.target.value;
              const n = Number(text);
              setDraft(text);
              if (/^\d+$/.test(text) && n >= 1 && n <= MAX_CHART_RUNS)
                onChange({ ...choice, count: n });
            }}
            onBlur={() => setDraft(null)}
          />
          <span id={`${id}-n-max`} className="visually-hidden">
            1 to {MAX_CHART_RUNS}
          </span>
        </>
      )}
      {choice.source === 'top' && by && (
        <>
          <label htmlFor={`${id}-by`}>by</label>
          <select
            id={`${id}-by`}
            value={by}
            onChange={(e) => onChange({ ...choice, by: e.target.value })}
          >
            {byOptions.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-order`}>Order</label>
          <select
            id={`${id}-order`}
            value={choice.order}
            onChange={(e) => onChange({ ...choice, order: e.target.value as TopOrder })}
          >
            <option value="auto">
              {lowerIsBetter(by) ? 'Lowest first (by its name)' : 'Highest first (by its name)'}
            </option>
            <option value="desc">Highest first</option>
            <option value="asc">Lowest first</option>
          </select>
        </>
      )}
    </div>
  );
}
