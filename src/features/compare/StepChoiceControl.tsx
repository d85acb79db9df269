import { useState } from 'react';
import type { StepChoice } from '@/lib/metric-at-step';

interface StepChoiceControlProps {
  choice: StepChoice;
  onChange: (choice: StepChoice) => void;
  /** Metrics the runs logged, for "at the best step of". */
  metrics: readonly string[];
  /** The values are being read from the full histories. */
  loading: boolean;
}

const KIND_LABELS: Record<StepChoice['kind'], string> = {
  latest: 'Latest value',
  step: 'Value at step…',
  min: 'Minimum',
  max: 'Maximum',
  best: 'At the best step of…',
};

/**
 * Which value of each metric the table shows: MLflow's latest, or one read from the full history
 * (at a step, the min, the max, or at the step where a chosen metric is best in the same run).
 */
export function StepChoiceControl({ choice, onChange, metrics, loading }: StepChoiceControlProps) {
  const pick = (kind: StepChoice['kind']) => {
    if (kind === 'step') onChange({ kind, step: 0 });
    else if (kind === 'best') onChange({ kind, metric: metrics[0] ?? '' });
    else onChange({ kind });
  };

  return (
    <span className="compare-step" role="group" aria-label="Metric values">
      <select
        aria-label="Metric value shown"
        value={choice.kind}
        onChange={(e) => pick(e.target.value as StepChoice['kind'])}
      >
        {(Object.keys(KIND_LABELS) as StepChoice['kind'][]).map((kind) => (
          <option key={kind} value={kind} disabled={kind === 'best' && metrics.length === 0}>
            {KIND_LABELS[kind]}
          </option>
        ))}
      </select>
      {choice.kind === 'step' && (
        // Keyed by the step, so a step from elsewhere (Back, a pasted link) replaces the typed one.
        <StepInput
          key={choice.step}
          step={choice.step}
          onStep={(step) => onChange({ kind: 'step', step })}
        />
      )}
      {choice.kind === 'best' && (
        <select
          aria-label="Best step of metric"
          value={choice.metric}
          onChange={(e) => onChange({ kind: 'best', metric: e.target.value })}
        >
          {metrics.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      )}
      {loading && <span className="compare-step-loading">Reading histories…</span>}
    </span>
  );
}

/** The step is typed, then applied on Enter or blur: not a request and a history entry per key. */
function StepInput({ step, onStep }: { step: number; onStep: (step: number) => void }) {
  const [text, setText] = useState(String(step));
  const apply = () => {
    const n = Number(text);
    if (text.trim() !== '' && Number.isSafeInteger(n) && n !== step) onStep(n);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <input
        type="number"
        inputMode="numeric"
        step={1}
        aria-label="Step"
        className="compare-step-input"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
      />
    </form>
  );
}
