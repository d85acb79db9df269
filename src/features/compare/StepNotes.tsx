import { ErrorNotice } from '@/components/ErrorNotice';
import type { StepChoice } from '@/lib/metric-at-step';
import type { StepValues } from './useStepValues';

/** What the step choice could not give exactly: a failed read, a missing direction, earlier steps. */
export function StepNotes({ step, choice }: { step: StepValues; choice: StepChoice }) {
  return (
    <>
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
