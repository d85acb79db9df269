import { describe, expect, it } from 'vitest';
import { summarizeMlModel } from './mlmodel';

const sklearnModel = {
  flavors: {
    python_function: { loader_module: 'mlflow.sklearn', env: { conda: 'conda.yaml' } },
    sklearn: { sklearn_version: '1.9.1', code: null, skops_trusted_types: ['a.B'] },
  },
  mlflow_version: '3.17.2',
  saved_input_example_info: { artifact_path: 'input_example.json', type: 'dataframe' },
  signature: {
    inputs:
      '[{"type": "double", "name": "tenure_months", "required": true}, {"type": "double", "name": "monthly_charges", "required": false}]',
    outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]',
    params: null,
  },
};

describe('summarizeMlModel', () => {
  it('reads flavors, signature and input example', () => {
    const s = summarizeMlModel(sklearnModel);
    expect(s.flavors.map((f) => f.name)).toEqual(['python_function', 'sklearn']);
    expect(s.flavors[0]?.details).toEqual([['loader_module', 'mlflow.sklearn']]);
    expect(s.flavors[1]?.details).toEqual([
      ['sklearn_version', '1.9.1'],
      ['code', '—'],
      ['skops_trusted_types', 'a.B'],
    ]);
    expect(s.inputs).toEqual([
      { name: 'tenure_months', type: 'double', required: true },
      { name: 'monthly_charges', type: 'double', required: false },
    ]);
    expect(s.outputs).toEqual([
      { name: '(unnamed 1)', type: 'tensor of int64', required: true, shape: '(-1)' },
    ]);
    expect(s.params).toBeUndefined();
    expect(s.inputExamplePath).toBe('input_example.json');
    expect(s.mlflowVersion).toBe('3.17.2');
    expect(s.warnings).toEqual([]);
  });

  it('survives broken parts', () => {
    const s = summarizeMlModel({ signature: { inputs: '[not json' } });
    expect(s.flavors).toEqual([]);
    expect(s.inputs).toBeUndefined();
    expect(s.warnings).toEqual(["The signature's inputs are not valid JSON."]);
    expect(summarizeMlModel('just text').warnings).toHaveLength(1);
  });
});
