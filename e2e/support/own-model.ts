// A registered model of a test's own, made straight in MLflow, so that nothing seeded changes.
import { mlflowRegistry, uniqueName } from './mlflow-api';
import { ownRun } from './own-run';

/** A model with `stages.length` versions (v1 first) registered from one run, each in its stage. */
export async function ownModel(prefix: string, stages: readonly string[]) {
  const { runId, experimentId } = await ownRun(prefix);
  const name = uniqueName(`e2e-${prefix}`);
  await mlflowRegistry.createModel(name, `Model of the ${prefix} test.`);
  for (const stage of stages) {
    const mv = await mlflowRegistry.createVersion(name, runId);
    if (stage !== 'None') await mlflowRegistry.transition(name, mv.version, stage);
  }
  return { name, runId, experimentId };
}
