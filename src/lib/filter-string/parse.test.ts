import { describe, expect, it } from 'vitest';
import { parseFilter } from './parse';
import type { Clause } from './parse';

type Shape = [Clause['kind'], string, Clause['comparator'], unknown];

function shapes(input: string): Shape[] {
  const result = parseFilter(input);
  if (!result.ok) throw new Error(`expected ${input} to parse: ${result.error.message}`);
  return result.clauses.map((c) => [
    c.kind,
    c.key,
    c.comparator,
    c.value.type === 'list' ? c.value.values : c.value.value,
  ]);
}

describe('parseFilter accepts MLflow filters', () => {
  it.each<[string, Shape[]]>([
    ['', []],
    ['   ', []],
    ['metrics.accuracy > 0.9', [['metrics', 'accuracy', '>', 0.9]]],
    ['metrics.accuracy>0.9', [['metrics', 'accuracy', '>', 0.9]]],
    ['metric.loss <= 1e-3', [['metrics', 'loss', '<=', 0.001]]],
    ['metrics.loss > -1', [['metrics', 'loss', '>', -1]]],
    ['metrics.loss != -2.5E+2', [['metrics', 'loss', '!=', -250]]],
    ['metrics.loss >= .5', [['metrics', 'loss', '>=', 0.5]]],
    ['metrics.`val-loss` < 1', [['metrics', 'val-loss', '<', 1]]],
    ['metrics."val loss" = 0', [['metrics', 'val loss', '=', 0]]],
    ["params.lr = '0.01'", [['params', 'lr', '=', '0.01']]],
    ['param.model != "gbm"', [['params', 'model', '!=', 'gbm']]],
    ["parameter.x LIKE 'a%'", [['params', 'x', 'LIKE', 'a%']]],
    ["parameters.x ilike '%A'", [['params', 'x', 'ILIKE', '%A']]],
    ["params.`batch size` = '32'", [['params', 'batch size', '=', '32']]],
    ["tags.domain = 'churn'", [['tags', 'domain', '=', 'churn']]],
    ["tag.domain != 'cost'", [['tags', 'domain', '!=', 'cost']]],
    ["tags.mlflow.runName = 'run-01'", [['tags', 'mlflow.runName', '=', 'run-01']]],
    [`tags."mlflow.runName" = 'x'`, [['tags', 'mlflow.runName', '=', 'x']]],
    ["tags.'domain' = 'churn'", [['tags', 'domain', '=', 'churn']]],
    ["attributes.status = 'FINISHED'", [['attributes', 'status', '=', 'FINISHED']]],
    ["attribute.run_name LIKE 'run-%'", [['attributes', 'run_name', 'LIKE', 'run-%']]],
    ["attr.user_id = 'me'", [['attributes', 'user_id', '=', 'me']]],
    ["run.artifact_uri ILIKE '%s3%'", [['attributes', 'artifact_uri', 'ILIKE', '%s3%']]],
    ["status = 'RUNNING'", [['attributes', 'status', '=', 'RUNNING']]],
    ['`Run name` = "run-01"', [['attributes', 'Run name', '=', 'run-01']]],
    ['attributes.start_time > 1700000000000', [['attributes', 'start_time', '>', 1700000000000]]],
    ['created >= 0', [['attributes', 'created', '>=', 0]]],
    ["run_id IN ('a1', 'b2')", [['attributes', 'run_id', 'IN', ['a1', 'b2']]]],
    ["attributes.run_id not in ('a1')", [['attributes', 'run_id', 'NOT IN', ['a1']]]],
    ["datasets.name = 'train'", [['datasets', 'name', '=', 'train']]],
    ['dataset.digest IN (\'d1\', "d2")', [['datasets', 'digest', 'IN', ['d1', 'd2']]]],
    ["datasets.context NOT IN ('eval')", [['datasets', 'context', 'NOT IN', ['eval']]]],
    // Doubled quotes stay inside the literal, and MLflow compares the text between the outer
    // quotes as written: this matches a run named Ada''s run (checked against mlflow 3.17.2).
    ["attributes.run_name = 'Ada''s run'", [['attributes', 'run_name', '=', "Ada''s run"]]],
    ['tags.note = "say ""hi"""', [['tags', 'note', '=', 'say ""hi""']]],
    ["params.p = ''''", [['params', 'p', '=', "''"]]],
    [
      "params.p LIKE 'Ada''%' AND tags.t != ''",
      [
        ['params', 'p', 'LIKE', "Ada''%"],
        ['tags', 't', '!=', ''],
      ],
    ],
    [`datasets.name IN ("it's", 'say "hi"')`, [['datasets', 'name', 'IN', ["it's", 'say "hi"']]]],
    ['tags.`a``b` = "x"', [['tags', 'a``b', '=', 'x']]],
    ["params.p = 'it\\'s'", [['params', 'p', '=', "it\\'s"]]],
    ["params.path = 'C:\\'", [['params', 'path', '=', 'C:\\']]],
    // Unknown attributes go to the server, which knows its own version's list.
    ["attributes.foo = 'x'", [['attributes', 'foo', '=', 'x']]],
    [
      "metrics.accuracy > 0.8 AND tags.domain = 'churn'",
      [
        ['metrics', 'accuracy', '>', 0.8],
        ['tags', 'domain', '=', 'churn'],
      ],
    ],
    [
      "metrics.a > 1 and params.b = 'x' AnD tags.c != 'y'",
      [
        ['metrics', 'a', '>', 1],
        ['params', 'b', '=', 'x'],
        ['tags', 'c', '!=', 'y'],
      ],
    ],
  ])('%s', (input, expected) => {
    expect(shapes(input)).toEqual(expected);
  });

  it('gives each clause its character range', () => {
    const result = parseFilter("metrics.a > 1 AND  tags.b = 'x'");
    expect(result.ok && result.clauses.map((c) => [c.start, c.end])).toEqual([
      [0, 13],
      [19, 31],
    ]);
  });

  it('keeps the number text of a metric value', () => {
    const result = parseFilter('metrics.a > 1e-3');
    expect(result.ok && result.clauses[0]?.value).toEqual({
      type: 'number',
      value: 0.001,
      text: '1e-3',
    });
  });
});

describe('parseFilter rejects, pointing at the offending token', () => {
  // [input, part of the message, the text of the marked range]
  it.each<[string, string, string]>([
    ['metrics.acc', 'Expected a comparator after metrics.acc', ''],
    ['metrics.acc 0.9', 'Expected a comparator after metrics.acc, found 0.9', '0.9'],
    ['metrics.acc >', 'Expected a value after metrics.acc >', ''],
    ["metrics.acc > '0.9'", 'Metrics are numbers: remove the quotes', "'0.9'"],
    ['metrics.acc > high', 'Expected a number after metrics.acc >', 'high'],
    ['metrics.acc > +1', 'Expected a number', '+'],
    ["metrics.acc LIKE '1'", 'LIKE does not apply to metrics', 'LIKE'],
    ['metrics.acc <> 1', 'Use != instead of <>', '<>'],
    ['metrics.acc == 1', 'Use = instead of ==', '=='],
    ['params.lr = 0.01', "Params are strings: quote the value, e.g. params.lr = '0.01'", '0.01'],
    [
      'tags.domain = churn',
      "Tags are strings: quote the value, e.g. tags.domain = 'churn'",
      'churn',
    ],
    ["params.lr > '0.01'", '> does not apply to params', '>'],
    ["tags.t IN ('a')", 'IN lists work only for attributes.run_id and datasets', 'IN'],
    ["params.p NOT LIKE 'a'", 'NOT is only supported as NOT IN', 'NOT LIKE'],
    ['params.p IS NULL', 'IS (NULL) is not supported', 'IS'],
    ["attributes.run_name IN ('a')", 'IN lists work only for attributes.run_id', 'IN'],
    ["status IN 'FINISHED'", 'IN lists work only', 'IN'],
    ["run_id IN 'a'", 'IN needs a list in parentheses', "'a'"],
    ["run_id IN ('a' 'b')", 'Expected , or ) in the list', "'b'"],
    ["run_id IN ('a',", 'Missing ) to close the list', "('a',"],
    ['run_id IN (1)', 'Expected a quoted string in the list', '1'],
    ["attributes.start_time > '5'", 'start_time is a number', "'5'"],
    ["start_time LIKE '5'", 'LIKE does not apply to start_time', 'LIKE'],
    [
      'run_name = run-01',
      "run_name is a string: quote the value, e.g. run_name = 'run-01'",
      'run-01',
    ],
    ['metrics.val-loss < 1', 'Quote keys that contain spaces, dashes', 'metrics.val-loss'],
    ["params.batch size = '32'", 'params.`batch size`', 'size'],
    ["metrics.a > 1 OR tags.b = 'x'", 'OR is not supported by MLflow: use AND', 'OR'],
    ["metrics.a > 1 or tags.b = 'x'", 'OR is not supported by MLflow: use AND', 'or'],
    ['(metrics.a > 1)', 'Parentheses around conditions are not supported', '('],
    ['NOT metrics.a > 1', 'NOT is not supported by MLflow (only NOT IN)', 'NOT'],
    ["metrics.a > 1 AND NOT tags.b = 'x'", 'NOT is not supported', 'NOT'],
    ['metrics.a > 1 AND', 'Expected a condition after AND', 'AND'],
    ['AND metrics.a > 1', 'Expected a condition before AND', 'AND'],
    ['metrics.a > 1 metrics.b < 2', 'Expected AND between conditions', 'metrics'],
    ["params.a = 'open", "Missing the closing ' of this value", "'open"],
    ['metrics.`open > 1', 'Missing the closing ` of this key', '`open > 1'],
    ['metrc.a > 1', 'Unknown key type metrc', 'metrc'],
    ['metrics > 1', 'Expected a key after metrics', 'metrics'],
    ['metrics. > 1', 'Expected a key after metrics.', '.'],
    ["datasets.size = 'x'", 'Unknown dataset field size', 'datasets.size'],
    ["'x' = 'y'", 'Expected a key such as metrics.accuracy', "'x'"],
    ['metrics.`` > 1', 'The key is empty', '``'],
    ['metrics.a = `x`', 'Backticks quote keys', '`x`'],
    ['metrics.a > 1 ;', 'Expected AND between conditions, found ;', ';'],
    ["attributes.run_name = 'Ada''s run' AND", 'Expected a condition after AND', 'AND'],
    ["AND attributes.run_name = 'Ada''s run'", 'Expected a condition before AND', 'AND'],
    ["attributes.run_name = 'Ada''s run", "Missing the closing ' of this value", "'Ada''s run"],
    ['params.a = "say ""hi""', 'Missing the closing " of this value', '"say ""hi""'],
    // Lists are Python tuples to MLflow: 'a''b' would be ab there.
    [
      "run_id IN ('x', 'a''b')",
      "In a list MLflow joins 'a''b' into ab: put a value containing ' in \" quotes instead",
      "'a''b'",
    ],
    ['datasets.name IN ("c""d")', 'put a value containing " in \' quotes', '"c""d"'],
    [
      "datasets.name IN ('a\\b')",
      'In a list MLflow reads a backslash as a Python escape',
      "'a\\b'",
    ],
    // A backslash before the closing quote escapes it when another quote follows (as in MLflow).
    ["params.a = 'C:\\' AND params.b = 'x'", 'Expected AND between conditions, found x', 'x'],
  ])('%s', (input, message, marked) => {
    const result = parseFilter(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(input.slice(result.error.start, result.error.end)).toBe(marked);
  });

  it('marks the end of the input when something is missing there', () => {
    const input = 'metrics.accuracy > ';
    const result = parseFilter(input);
    expect(result.ok ? undefined : [result.error.start, result.error.end]).toEqual([
      input.length,
      input.length,
    ]);
  });
});
