// Reads an MLmodel file (already parsed from YAML) into what the model view shows.

import { parseSchema as readSchema } from './registry/signature';

export interface MlModelColumn {
  name: string;
  type: string;
  required: boolean;
  /** Tensor shape, e.g. "(-1, 3)", when the column is a tensor spec. */
  shape?: string;
}

export interface MlModelFlavor {
  name: string;
  /** Scalar settings of the flavor (e.g. `sklearn_version`), as text. */
  details: [string, string][];
}

export interface MlModelSummary {
  flavors: MlModelFlavor[];
  inputs: MlModelColumn[] | undefined;
  outputs: MlModelColumn[] | undefined;
  params: MlModelColumn[] | undefined;
  /** File holding the input example, relative to the model directory. */
  inputExamplePath: string | undefined;
  mlflowVersion: string | undefined;
  createdAt: string | undefined;
  modelId: string | undefined;
  /** Problems reading parts of the file; the rest is still shown. */
  warnings: string[];
}

type Rec = Record<string, unknown>;

function isRecord(value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return text(value) ?? JSON.stringify(value);
}

/**
 * A schema as MLmodel stores it, read by the registry's signature parser (one reader for both
 * views), in the shape this preview's table shows.
 */
export function parseSchema(
  raw: unknown,
  warnings: string[],
  what: string,
): MlModelColumn[] | undefined {
  return readSchema(raw, what, warnings)?.columns.map((c) => ({
    name: c.label,
    type: c.type,
    required: c.required,
    ...(c.shape ? { shape: c.shape } : {}),
  }));
}

export function summarizeMlModel(doc: unknown): MlModelSummary {
  const warnings: string[] = [];
  const root = isRecord(doc) ? doc : {};
  if (!isRecord(doc)) warnings.push('The MLmodel file is not a YAML mapping.');
  const flavors = isRecord(root.flavors)
    ? Object.entries(root.flavors).map(([name, body]) => ({
        name,
        details: isRecord(body)
          ? Object.entries(body)
              .filter(([, v]) => !isRecord(v))
              .map(([k, v]): [string, string] => [
                k,
                Array.isArray(v) ? v.map(scalarText).join(', ') : scalarText(v),
              ])
          : [],
      }))
    : [];
  const signature = isRecord(root.signature) ? root.signature : undefined;
  const example = isRecord(root.saved_input_example_info)
    ? root.saved_input_example_info
    : undefined;
  return {
    flavors,
    inputs: parseSchema(signature?.inputs, warnings, 'inputs'),
    outputs: parseSchema(signature?.outputs, warnings, 'outputs'),
    params: parseSchema(signature?.params, warnings, 'params'),
    inputExamplePath: text(example?.artifact_path),
    mlflowVersion: text(root.mlflow_version),
    createdAt: text(root.utc_time_created),
    modelId: text(root.model_id),
    warnings,
  };
}
