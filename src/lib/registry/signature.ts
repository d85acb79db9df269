// A model's signature as its MLmodel file stores it, and what changes between two of them.
//
// MLflow writes `signature.inputs`, `outputs` and `params` as JSON strings inside the YAML
// (mlflow/types/schema.py `to_dict`): column-based specs (`{"type": "double", "name": "x",
// "required": true}`, with `array`, `object`, `map` and `any` types nesting), tensor-based specs
// (`{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 28]}}`), and param specs
// (`{"name": "alpha", "type": "double", "default": 0.1, "shape": null}`).
//
// Decisions:
// - Nothing here throws on a strange file: a spec of an unknown shape is kept with its JSON as its
//   type (`known: false`) and compared by that JSON; a schema that is not a list is a warning.
// - Two columns are "the same input" by name; unnamed ones (a single tensor, usually) by position.
// - Retyped means the full type differs: `array<long>` against `array<double>`, a tensor's dtype
//   or shape. Only the type: required and optional are reported apart.
// - Breaking is judged for inputs only, from what a caller that works with the champion sends: a
//   removed or retyped input breaks it (the removal as the issue defines it: the caller's data no
//   longer means to the model what it did), and so does an input it does not send that the
//   candidate now requires (MLflow refuses a request missing a required column). Outputs and
//   params changes are reported without a verdict: who reads them is outside the registry.
// - No signature on either side is "unknown", never "compatible": nothing was checked.

import { parse } from 'yaml';
import { decodeArtifactText, type ReadBytes } from '../artifact-text';

export type SchemaKind = 'columns' | 'tensors' | 'mixed';

export interface SignatureColumn {
  /** Undefined for an unnamed spec (a single tensor, a column-less schema). */
  name: string | undefined;
  /** What the UI shows: the name, else "(unnamed 2)" by position. */
  label: string;
  /** As people read it: `double`, `array<string>`, `object{a: long}`, `tensor of float32`. */
  type: string;
  required: boolean;
  /** A tensor's or a param's shape, e.g. "(-1, 28)". */
  shape: string | undefined;
  /** A param's default value, as JSON text. */
  defaultValue: string | undefined;
  /** False when MLflow documents no spec of this shape: `type` is then its JSON, shown raw. */
  known: boolean;
}

export interface SignatureSchema {
  kind: SchemaKind;
  columns: SignatureColumn[];
}

export interface Signature {
  inputs: SignatureSchema | undefined;
  outputs: SignatureSchema | undefined;
  params: SignatureSchema | undefined;
}

export interface MlModelSignature {
  /** Undefined when the MLmodel has no `signature` (or nothing readable in it). */
  signature: Signature | undefined;
  /** The input example's file, relative to the model's directory. */
  inputExample: { path: string; type: string | undefined } | undefined;
  /** Parts of the file that could not be read; the rest still is. */
  warnings: string[];
}

type Rec = Record<string, unknown>;

const isRecord = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;

const shapeText = (shape: unknown): string | undefined =>
  Array.isArray(shape) ? `(${shape.map((d) => text(d) ?? '?').join(', ')})` : undefined;

/**
 * A column type as text, nested types included; undefined for a shape MLflow does not write
 * (the caller then shows the spec's JSON).
 */
export function typeText(spec: unknown): string | undefined {
  if (!isRecord(spec)) return undefined;
  const type = spec.type;
  if (type === 'array') {
    const items = typeText(spec.items);
    return items === undefined ? undefined : `array<${items}>`;
  }
  if (type === 'map') {
    const values = typeText(spec.values);
    return values === undefined ? undefined : `map<${values}>`;
  }
  if (type === 'object') {
    if (!isRecord(spec.properties)) return undefined;
    const props: string[] = [];
    // Sorted, so that two objects listing the same properties in another order read the same.
    for (const [key, value] of Object.entries(spec.properties).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    )) {
      const inner = typeText(value);
      if (inner === undefined) return undefined;
      const optional = isRecord(value) && value.required === false ? '?' : '';
      props.push(`${key}${optional}: ${inner}`);
    }
    return `object{${props.join(', ')}}`;
  }
  if (type === 'tensor') {
    const tensor = spec['tensor-spec'];
    const dtype = isRecord(tensor) ? text(tensor.dtype) : undefined;
    return dtype === undefined ? undefined : `tensor of ${dtype}`;
  }
  return typeof type === 'string' && type !== '' ? type : undefined;
}

function column(spec: unknown, index: number): SignatureColumn {
  const rec = isRecord(spec) ? spec : undefined;
  const name = text(rec?.name);
  const type = typeText(spec);
  const tensor = rec && isRecord(rec['tensor-spec']) ? rec['tensor-spec'] : undefined;
  return {
    name,
    label: name ?? `(unnamed ${index + 1})`,
    type: type ?? JSON.stringify(spec) ?? String(spec),
    // Tensors and params carry no `required`; MLflow treats them as required.
    required: rec?.required !== false,
    shape: shapeText(tensor ? tensor.shape : rec?.shape),
    defaultValue: rec && 'default' in rec ? JSON.stringify(rec.default) : undefined,
    known: type !== undefined,
  };
}

/** One of `signature.inputs` / `outputs` / `params`: a JSON string (or, rarely, the list itself). */
export function parseSchema(
  raw: unknown,
  what: string,
  warnings: string[],
): SignatureSchema | undefined {
  if (raw === null || raw === undefined) return undefined;
  let specs: unknown = raw;
  if (typeof raw === 'string') {
    try {
      specs = JSON.parse(raw);
    } catch {
      warnings.push(`The signature's ${what} are not valid JSON.`);
      return undefined;
    }
  }
  if (!Array.isArray(specs)) {
    warnings.push(`The signature's ${what} are not a list.`);
    return undefined;
  }
  const columns = specs.map(column);
  const tensors = specs.filter((s) => isRecord(s) && s.type === 'tensor').length;
  const kind: SchemaKind =
    tensors === 0 ? 'columns' : tensors === specs.length ? 'tensors' : 'mixed';
  return { kind, columns };
}

/** The signature and input example of a parsed MLmodel document (YAML already read). */
export function signatureOfMlModel(doc: unknown): MlModelSignature {
  const warnings: string[] = [];
  if (!isRecord(doc)) {
    return {
      signature: undefined,
      inputExample: undefined,
      warnings: ['The MLmodel file is not a YAML mapping.'],
    };
  }
  const raw = isRecord(doc.signature) ? doc.signature : undefined;
  const inputs = parseSchema(raw?.inputs, 'inputs', warnings);
  const outputs = parseSchema(raw?.outputs, 'outputs', warnings);
  const params = parseSchema(raw?.params, 'params', warnings);
  const hasSchema = inputs !== undefined || outputs !== undefined || params !== undefined;
  const example = isRecord(doc.saved_input_example_info) ? doc.saved_input_example_info : undefined;
  const examplePath = text(example?.artifact_path);
  return {
    signature: hasSchema ? { inputs, outputs, params } : undefined,
    inputExample: examplePath ? { path: examplePath, type: text(example?.type) } : undefined,
    warnings,
  };
}

/** An MLmodel file's text read; `error` when it is not YAML at all. */
export function readMlModel(source: string): MlModelSignature | { error: string } {
  let doc: unknown;
  try {
    // A bounded alias count: a hostile file cannot expand into gigabytes ("billion laughs").
    doc = parse(source, { maxAliasCount: 100 });
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  return signatureOfMlModel(doc);
}

/** What a version's MLmodel says, as the version page and the versions table show it. */
export type VersionMlModel =
  /** The version has no MLmodel (registered from a single file, or a folder without one). */
  | { state: 'missing' }
  /** It has one that cannot be read as YAML (binary, too large to read, malformed). */
  | { state: 'unreadable'; reason: string }
  | ({ state: 'read' } & MlModelSignature);

/**
 * The MLmodel's bytes (the first `cap` of them; undefined when there is no file) read. A file cut
 * at the cap is not parsed: YAML cut short can read as a different document.
 */
export function mlModelFromBytes(read: ReadBytes | undefined, cap: number): VersionMlModel {
  if (!read) return { state: 'missing' };
  if (read.partial) {
    return {
      state: 'unreadable',
      reason: `The MLmodel file is ${read.totalSize.toLocaleString('en')} bytes, over the ${cap.toLocaleString('en')} this page reads.`,
    };
  }
  const decoded = decodeArtifactText(read, undefined);
  if (decoded.text === undefined)
    return { state: 'unreadable', reason: 'The MLmodel file is not text.' };
  const parsed = readMlModel(decoded.text);
  if ('error' in parsed)
    return { state: 'unreadable', reason: `The MLmodel file is not valid YAML: ${parsed.error}` };
  return { state: 'read', ...parsed };
}

/**
 * The run and folder of a `runs:/<run id>/<folder>` source, or undefined for any other source.
 * MLflow's model-versions/get-artifact fails on these (it resolves them to an address only a
 * client can read), so their files are read from the run instead.
 */
export function runsSource(source: string | undefined): { runId: string; dir: string } | undefined {
  const match = /^runs:\/([^/]+)\/?(.*)$/.exec(source ?? '');
  if (!match?.[1]) return undefined;
  return { runId: match[1], dir: (match[2] ?? '').replace(/\/+$/, '') };
}

// ── compatibility ────────────────────────────────────────────────────────────────────────────

export interface Retyped {
  label: string;
  from: SignatureColumn;
  to: SignatureColumn;
}

export interface RequiredChange {
  label: string;
  /** True: optional before, required now. */
  nowRequired: boolean;
}

export interface SchemaChanges {
  added: SignatureColumn[];
  removed: SignatureColumn[];
  retyped: Retyped[];
  requiredChanged: RequiredChange[];
  /** Columns present on both sides with the same type and requiredness. */
  unchanged: number;
  /** Each change that breaks a caller, in words; empty outside inputs. */
  breaking: string[];
}

export type SignatureCompat =
  | {
      verdict: 'unknown';
      /** Which side has no signature to compare. */
      missing: 'both' | 'champion' | 'candidate';
    }
  | {
      verdict: 'compatible' | 'breaking';
      inputs: SchemaChanges;
      outputs: SchemaChanges;
      params: SchemaChanges;
    };

const keyOf = (c: SignatureColumn, i: number) => (c.name === undefined ? `#${i}` : `=${c.name}`);

/** What changes from `before` to `after`; `judge` says whether the changes can break a caller. */
export function schemaChanges(
  before: SignatureSchema | undefined,
  after: SignatureSchema | undefined,
  judge: boolean,
): SchemaChanges {
  const old = new Map((before?.columns ?? []).map((c, i) => [keyOf(c, i), c] as const));
  const now = new Map((after?.columns ?? []).map((c, i) => [keyOf(c, i), c] as const));
  const out: SchemaChanges = {
    added: [],
    removed: [],
    retyped: [],
    requiredChanged: [],
    unchanged: 0,
    breaking: [],
  };
  for (const [key, c] of old) if (!now.has(key)) out.removed.push(c);
  for (const [key, c] of now) {
    const prev = old.get(key);
    if (!prev) {
      out.added.push(c);
      continue;
    }
    const retyped = prev.type !== c.type || prev.shape !== c.shape;
    if (retyped) out.retyped.push({ label: c.label, from: prev, to: c });
    if (prev.required !== c.required)
      out.requiredChanged.push({ label: c.label, nowRequired: c.required });
    if (!retyped && prev.required === c.required) out.unchanged++;
  }
  if (judge) {
    for (const c of out.removed) out.breaking.push(`${c.label} is removed`);
    for (const r of out.retyped) {
      const from = r.from.shape ? `${r.from.type} ${r.from.shape}` : r.from.type;
      const to = r.to.shape ? `${r.to.type} ${r.to.shape}` : r.to.type;
      out.breaking.push(`${r.label} changes type: ${from} → ${to}`);
    }
    for (const c of out.added) if (c.required) out.breaking.push(`${c.label} is new and required`);
    for (const r of out.requiredChanged)
      if (r.nowRequired) out.breaking.push(`${r.label} is now required`);
  }
  return out;
}

/**
 * Can the candidate take the champion's place for the callers of the champion? Judged on the
 * inputs; outputs and params changes come along for the page to show.
 */
export function signatureCompat(
  champion: Signature | undefined,
  candidate: Signature | undefined,
): SignatureCompat {
  if (!champion?.inputs && !candidate?.inputs) return { verdict: 'unknown', missing: 'both' };
  if (!champion?.inputs) return { verdict: 'unknown', missing: 'champion' };
  if (!candidate?.inputs) return { verdict: 'unknown', missing: 'candidate' };
  const inputs = schemaChanges(champion.inputs, candidate.inputs, true);
  return {
    verdict: inputs.breaking.length > 0 ? 'breaking' : 'compatible',
    inputs,
    outputs: schemaChanges(champion.outputs, candidate.outputs, false),
    params: schemaChanges(champion.params, candidate.params, false),
  };
}

/** Whether a schema changed at all (for "no changes" lines). */
export function hasChanges(changes: SchemaChanges): boolean {
  return (
    changes.added.length + changes.removed.length + changes.retyped.length > 0 ||
    changes.requiredChanged.length > 0
  );
}
