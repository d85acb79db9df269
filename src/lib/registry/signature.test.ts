import { describe, expect, it } from 'vitest';
import {
  hasChanges,
  mlModelFromBytes,
  runsSource,
  parseSchema,
  readMlModel,
  signatureCompat,
  typeText,
  type Signature,
  type SignatureSchema,
} from './signature';

// The tail of an MLmodel as MLflow 3.17 writes it for a scikit-learn model (mlflow.sklearn.log_model
// with an input example), the long JSON string folded by the YAML writer as it is on disk.
const SKLEARN_MLMODEL = `artifact_path: mlflow-artifacts:/1/models/m-b829/artifacts
flavors:
  sklearn:
    pickled_model: model.skops
mlflow_version: 3.17.2
saved_input_example_info:
  artifact_path: input_example.json
  pandas_orient: split
  serving_input_path: serving_input_example.json
  type: dataframe
signature:
  inputs: '[{"type": "double", "name": "a", "required": true}, {"type": "long", "name":
    "b", "required": true}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "int64", "shape": [-1]}}]'
  params: null
utc_time_created: '2026-12-07 23:36:11.752421'
`;

const cols = (...specs: object[]): SignatureSchema => {
  const schema = parseSchema(JSON.stringify(specs), 'inputs', []);
  if (!schema) throw new Error('unreadable');
  return schema;
};
const sig = (inputs: SignatureSchema | undefined, outputs?: SignatureSchema): Signature => ({
  inputs,
  outputs,
  params: undefined,
});

describe('readMlModel', () => {
  it("reads a scikit-learn model's column inputs, tensor output and input example", () => {
    const read = readMlModel(SKLEARN_MLMODEL);
    if ('error' in read) throw new Error(read.error);
    expect(read.warnings).toEqual([]);
    expect(read.inputExample).toEqual({ path: 'input_example.json', type: 'dataframe' });
    expect(read.signature?.inputs?.kind).toBe('columns');
    expect(read.signature?.inputs?.columns.map((c) => [c.label, c.type, c.required])).toEqual([
      ['a', 'double', true],
      ['b', 'long', true],
    ]);
    expect(read.signature?.outputs?.kind).toBe('tensors');
    expect(read.signature?.outputs?.columns[0]).toMatchObject({
      name: undefined,
      label: '(unnamed 1)',
      type: 'tensor of int64',
      shape: '(-1)',
      required: true,
      known: true,
    });
    expect(read.signature?.params).toBeUndefined();
  });

  it('has no signature for a model logged without one, and says what it could not read', () => {
    const none = readMlModel('flavors: {}\nmlflow_version: 3.17.2\n');
    expect(none).toEqual({ signature: undefined, inputExample: undefined, warnings: [] });
    const broken = readMlModel("signature:\n  inputs: '[not json'\n  outputs: '{}'\n");
    if ('error' in broken) throw new Error(broken.error);
    expect(broken.signature).toBeUndefined();
    expect(broken.warnings).toEqual([
      "The signature's inputs are not valid JSON.",
      "The signature's outputs are not a list.",
    ]);
    expect(readMlModel('- a list')).toMatchObject({
      warnings: ['The MLmodel file is not a YAML mapping.'],
    });
  });

  it('answers an error, not a throw, for text that is not YAML', () => {
    expect(readMlModel('a: [unclosed')).toHaveProperty('error');
  });

  it('refuses to expand an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]']
      .concat(
        Array.from(
          { length: 8 },
          (_, i) =>
            `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${`*${'abcdefgh'[i]}, `.repeat(10).slice(0, -2)}]`,
        ),
      )
      .join('\n');
    expect(readMlModel(bomb)).toHaveProperty('error');
  });
});

describe('parseSchema', () => {
  it('spells nested column types, sorted object properties and optional ones', () => {
    const schema = cols(
      { type: 'array', items: { type: 'string' }, name: 'tags', required: false },
      {
        type: 'object',
        properties: { z: { type: 'long', required: true }, a: { type: 'double', required: false } },
        name: 'meta',
        required: true,
      },
      { type: 'map', values: { type: 'array', items: { type: 'double' } }, name: 'scores' },
      { type: 'any', name: 'blob', required: true },
    );
    expect(schema.columns.map((c) => [c.label, c.type, c.required])).toEqual([
      ['tags', 'array<string>', false],
      ['meta', 'object{a?: double, z: long}', true],
      ['scores', 'map<array<double>>', true],
      ['blob', 'any', true],
    ]);
  });

  it('reads named tensors with their shapes, and params with defaults', () => {
    const tensors = cols({
      type: 'tensor',
      name: 'image',
      'tensor-spec': { dtype: 'float32', shape: [-1, 28, 28] },
    });
    expect(tensors.kind).toBe('tensors');
    expect(tensors.columns[0]).toMatchObject({
      label: 'image',
      type: 'tensor of float32',
      shape: '(-1, 28, 28)',
    });
    const params = parseSchema(
      '[{"name": "alpha", "type": "double", "default": 0.1, "shape": null}, {"name": "stops", "type": "string", "default": ["a"], "shape": [-1]}]',
      'params',
      [],
    );
    expect(params?.columns.map((c) => [c.label, c.type, c.defaultValue, c.shape])).toEqual([
      ['alpha', 'double', '0.1', undefined],
      ['stops', 'string', '["a"]', '(-1)'],
    ]);
  });

  it('keeps a spec it does not understand as raw JSON instead of failing', () => {
    const schema = cols({ type: 'array', name: 'odd' }, { name: 'no-type' }, 'just text' as never);
    expect(schema.columns.map((c) => [c.label, c.type, c.known])).toEqual([
      ['odd', '{"type":"array","name":"odd"}', false],
      ['no-type', '{"name":"no-type"}', false],
      ['(unnamed 3)', '"just text"', false],
    ]);
    expect(typeText({ type: 'object', properties: { a: { nope: 1 } } })).toBeUndefined();
  });

  it('marks a schema of columns and tensors as mixed', () => {
    expect(
      cols(
        { type: 'double', name: 'a' },
        { type: 'tensor', 'tensor-spec': { dtype: 'int8', shape: [2] } },
      ).kind,
    ).toBe('mixed');
  });
});

describe('signatureCompat', () => {
  const champion = sig(
    cols(
      { type: 'double', name: 'tenure_months', required: true },
      { type: 'double', name: 'monthly_charges', required: true },
      { type: 'string', name: 'plan', required: true },
      { type: 'long', name: 'referrals', required: false },
    ),
    cols({ type: 'tensor', 'tensor-spec': { dtype: 'int64', shape: [-1] } }),
  );

  it('is compatible when nothing a caller sends changes meaning', () => {
    const candidate = sig(
      cols(
        { type: 'double', name: 'tenure_months', required: true },
        { type: 'double', name: 'monthly_charges', required: true },
        { type: 'string', name: 'plan', required: true },
        { type: 'long', name: 'referrals', required: false },
        { type: 'double', name: 'discount_pct', required: false },
      ),
      cols({ type: 'tensor', 'tensor-spec': { dtype: 'float64', shape: [-1] } }),
    );
    const compat = signatureCompat(champion, candidate);
    if (compat.verdict === 'unknown') throw new Error('no verdict');
    expect(compat.verdict).toBe('compatible');
    expect(compat.inputs.added.map((c) => c.label)).toEqual(['discount_pct']);
    expect(compat.inputs.unchanged).toBe(4);
    expect(compat.inputs.breaking).toEqual([]);
    // An output's change is reported, never judged.
    expect(compat.outputs.retyped.map((r) => [r.from.type, r.to.type])).toEqual([
      ['tensor of int64', 'tensor of float64'],
    ]);
    expect(compat.outputs.breaking).toEqual([]);
    expect(hasChanges(compat.params)).toBe(false);
  });

  it('flags removed, retyped, new required and newly required inputs as breaking', () => {
    const candidate = sig(
      cols(
        { type: 'long', name: 'tenure_months', required: true },
        { type: 'double', name: 'monthly_charges', required: true },
        { type: 'long', name: 'referrals', required: true },
        { type: 'double', name: 'score', required: true },
      ),
    );
    const compat = signatureCompat(champion, candidate);
    if (compat.verdict === 'unknown') throw new Error('no verdict');
    expect(compat.verdict).toBe('breaking');
    expect(compat.inputs.breaking).toEqual([
      'plan is removed',
      'tenure_months changes type: double → long',
      'score is new and required',
      'referrals is now required',
    ]);
    expect(compat.inputs.unchanged).toBe(1);
    // The champion's output is gone from the candidate: reported as removed.
    expect(compat.outputs.removed).toHaveLength(1);
  });

  it('matches unnamed tensors by position and sees a change of shape as a new type', () => {
    const before = sig(
      cols({ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 28, 28] } }),
    );
    const after = sig(
      cols({ type: 'tensor', 'tensor-spec': { dtype: 'float32', shape: [-1, 32, 32] } }),
    );
    const compat = signatureCompat(before, after);
    expect(compat.verdict).toBe('breaking');
    if (compat.verdict === 'unknown') return;
    expect(compat.inputs.breaking).toEqual([
      '(unnamed 1) changes type: tensor of float32 (-1, 28, 28) → tensor of float32 (-1, 32, 32)',
    ]);
  });

  it('is unknown, not compatible, when a side has no signature', () => {
    expect(signatureCompat(undefined, undefined)).toEqual({ verdict: 'unknown', missing: 'both' });
    expect(signatureCompat(undefined, champion)).toEqual({
      verdict: 'unknown',
      missing: 'champion',
    });
    expect(signatureCompat(champion, sig(undefined))).toEqual({
      verdict: 'unknown',
      missing: 'candidate',
    });
  });
});

describe('mlModelFromBytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('tells a missing file, a cut one, a binary one and a malformed one apart', () => {
    expect(mlModelFromBytes(undefined, 1024)).toEqual({ state: 'missing' });
    expect(
      mlModelFromBytes({ bytes: bytes('a: 1\n'), partial: true, totalSize: 5_000_000 }, 1024),
    ).toEqual({
      state: 'unreadable',
      reason: 'The MLmodel file is 5,000,000 bytes, over the 1,024 this page reads.',
    });
    expect(
      mlModelFromBytes({ bytes: new Uint8Array([0, 1, 2, 0]), partial: false, totalSize: 4 }, 1024),
    ).toEqual({ state: 'unreadable', reason: 'The MLmodel file is not text.' });
    const malformed = mlModelFromBytes(
      { bytes: bytes('a: [unclosed'), partial: false, totalSize: 12 },
      1024,
    );
    expect(malformed).toMatchObject({ state: 'unreadable' });
  });

  it('reads a whole file', () => {
    const text = SKLEARN_MLMODEL;
    const read = mlModelFromBytes(
      { bytes: bytes(text), partial: false, totalSize: text.length },
      1e6,
    );
    expect(read.state).toBe('read');
    if (read.state === 'read') expect(read.signature?.inputs?.columns).toHaveLength(2);
  });
});

describe('runsSource', () => {
  it('reads runs:/ sources only', () => {
    expect(runsSource('runs:/abc123/model')).toEqual({ runId: 'abc123', dir: 'model' });
    expect(runsSource('runs:/abc123/a/b/')).toEqual({ runId: 'abc123', dir: 'a/b' });
    expect(runsSource('runs:/abc123')).toEqual({ runId: 'abc123', dir: '' });
    for (const source of [
      undefined,
      'models:/m-1',
      'mlflow-artifacts:/1/abc/artifacts/model',
      'runs:/',
    ])
      expect(runsSource(source)).toBeUndefined();
  });
});
