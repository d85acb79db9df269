import { DirectionLocalNote } from '@/components/DirectionLocalNote';
import { ErrorNotice } from '@/components/ErrorNotice';
import type { StepChoice } from '@/lib/metric-at-step';
import type { LocalOnly } from '@/hooks/useMetricDirections';
import type { StepValues } from './useStepValues';

interface CompareNotesProps {
  step: StepValues;
  choice: StepChoice;
  /** The last direction chosen was kept in this browser only, and why. */
  localOnly: LocalOnly | undefined;
}

/**
 * What the page could not do as asked: a failed history read, a best step with no direction,
 * values from an earlier step, a direction MLflow would not store.
 */
export function CompareNotes({ step, choice, localOnly }: CompareNotesProps) {
  return (
    <>
      <DirectionLocalNote localOnly={localOnly} />
      {step.error != null && (
        <ErrorNotice error={step.error} title="The metric histories could not be read" />
      )}
      {step.needsDirection !== undefined && (
        <p className="notice compare-warning" role="status">
          <code>{step.needsDirection}</code> has no direction, so it has no best step: choose one
          with the button beside its name in the Metrics section.
        </p>
      )}
      {step.inexact > 0 && choice.kind === 'step' && (
        <p className="compare-step-note" role="status">
          {step.inexact.toLocaleString('en')} {step.inexact === 1 ? 'value is' : 'values are'} the
          last logged before step {choice.step.toLocaleString('en')}, which{' '}
          {step.inexact === 1 ? 'that run' : 'those runs'} did not log.
        </p>
      )}
    </>
  );
}
