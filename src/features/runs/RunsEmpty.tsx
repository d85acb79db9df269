import { EmptyState } from '@/components/EmptyState';

/** No runs yet: shows the few lines of Python that log one here. */
export function RunsEmpty({ experimentId }: { experimentId: string }) {
  return (
    <EmptyState title="No runs in this experiment yet">
      <p>Log one from Python, then reload this page:</p>
      <pre className="runs-empty-code">
        <code>
          {`import mlflow\n\nmlflow.set_experiment(experiment_id="${experimentId}")\nwith mlflow.start_run():\n    mlflow.log_param("C", 0.1)\n    mlflow.log_metric("accuracy", 0.93)`}
        </code>
      </pre>
    </EmptyState>
  );
}
