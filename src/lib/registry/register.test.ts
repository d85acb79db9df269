import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  appendToUriPath,
  createVersionRequest,
  loggedModelHistoryPaths,
  modelFolders,
  modelNameProblem,
  modelUri,
  pollDelay,
  pythonString,
  registrationState,
  runModelSources,
  shouldPollAgain,
  ucRegisterSnippet,
  type ModelSource,
} from './register';

const RUN = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const folder = (path: string): ModelSource => ({ kind: 'artifacts', path });
const logged: ModelSource = { kind: 'logged-model', modelId: 'm-123abc', name: 'model' };

describe('modelFolders', () => {
  test('the folders holding an MLmodel, the root as an empty path, each once and sorted', () => {
    expect(
      modelFolders([
        'plots/loss.png',
        'model/MLmodel',
        'model/model.pkl',
        'nested/deep/MLmodel',
        'MLmodel',
        'notes/MLmodel.txt',
        'other/XMLmodel',
      ]),
    ).toEqual(['', 'model', 'nested/deep']);
  });
});

describe('loggedModelHistoryPaths', () => {
  test("reads MLflow 2's log-model history tag", () => {
    const tag = JSON.stringify([
      { run_id: RUN, artifact_path: 'model', flavors: {} },
      { run_id: RUN, artifact_path: 'best/' },
      { run_id: RUN, artifact_path: 'model' },
    ]);
    expect(loggedModelHistoryPaths(tag)).toEqual(['best', 'model']);
  });

  test('a missing, malformed or odd tag gives nothing rather than an error', () => {
    expect(loggedModelHistoryPaths(undefined)).toEqual([]);
    expect(loggedModelHistoryPaths('not json')).toEqual([]);
    expect(loggedModelHistoryPaths('{"artifact_path": "model"}')).toEqual([]);
    expect(loggedModelHistoryPaths('[null, 3, {"artifact_path": 7}]')).toEqual([]);
  });
});

describe('runModelSources', () => {
  test('logged models first in their order, then folders by path, each once', () => {
    expect(
      runModelSources(
        [
          { modelId: 'm-2', name: 'b' },
          { modelId: 'm-1', name: 'a' },
          { modelId: 'm-2', name: 'b' },
        ],
        ['model', 'best', 'model'],
      ),
    ).toEqual([
      { kind: 'logged-model', modelId: 'm-2', name: 'b' },
      { kind: 'logged-model', modelId: 'm-1', name: 'a' },
      { kind: 'artifacts', path: 'best' },
      { kind: 'artifacts', path: 'model' },
    ]);
  });
});

describe('appendToUriPath (MLflow’s append_to_uri_path)', () => {
  test.each([
    ['mlflow-artifacts:/1/abc/artifacts', 'model', 'mlflow-artifacts:/1/abc/artifacts/model'],
    ['s3://bucket/exp/run/artifacts', 'a/b', 's3://bucket/exp/run/artifacts/a/b'],
    [
      'dbfs:/databricks/mlflow-tracking/1/r/artifacts/',
      'model',
      'dbfs:/databricks/mlflow-tracking/1/r/artifacts/model',
    ],
    ['file:///tmp/mlruns/1/r/artifacts', '/model', 'file:///tmp/mlruns/1/r/artifacts/model'],
    ['https://host/root?sig=x#f', 'model', 'https://host/root/model?sig=x#f'],
    ['/plain/path', 'm', '/plain/path/m'],
  ])('%s + %s', (uri, path, expected) => {
    expect(appendToUriPath(uri, path)).toBe(expected);
  });

  test('the root leaves the URI as it is', () => {
    expect(appendToUriPath('mlflow-artifacts:/1/abc/artifacts', '')).toBe(
      'mlflow-artifacts:/1/abc/artifacts',
    );
  });
});

describe('createVersionRequest (what the Python client sends)', () => {
  const run = { runId: RUN, artifactUri: `mlflow-artifacts:/4/${RUN}/artifacts` };

  test('an artifact folder: its full artifact URI and the run id, no model id', () => {
    expect(createVersionRequest('churn', run, folder('model'))).toEqual({
      name: 'churn',
      source: `mlflow-artifacts:/4/${RUN}/artifacts/model`,
      run_id: RUN,
    });
  });

  test('the artifact root: the run’s artifact URI itself', () => {
    expect(createVersionRequest('churn', run, folder('')).source).toBe(run.artifactUri);
  });

  test('a logged model: models:/<id>, with the run id and the model id', () => {
    expect(createVersionRequest('churn', run, logged)).toEqual({
      name: 'churn',
      source: 'models:/m-123abc',
      run_id: RUN,
      model_id: 'm-123abc',
    });
  });
});

describe('modelUri', () => {
  test('runs:/ for a folder (the root ends in a slash), models:/ for a logged model', () => {
    expect(modelUri(RUN, folder('model'))).toBe(`runs:/${RUN}/model`);
    expect(modelUri(RUN, folder(''))).toBe(`runs:/${RUN}/`);
    expect(modelUri(RUN, logged)).toBe('models:/m-123abc');
  });
});

describe('modelNameProblem (MLflow’s _validate_model_name)', () => {
  test.each([
    'churn',
    'Churn model v2',
    'a.b.c',
    '.hidden',
    'x..y',
    ' padded ',
    '<img src=x onerror=alert(1)>',
    'é✓',
  ])('accepts %j', (name) => expect(modelNameProblem(name)).toBeUndefined());

  test.each([
    ['', /Enter a name/],
    ['   ', /Enter a name/],
    ['team/churn', /“\/” or “:”/],
    ['a:b', /“\/” or “:”/],
    ['.', /reads as a path/],
    ['..', /reads as a path/],
    ['..churn', /reads as a path/],
  ])('refuses %j', (name, message) => {
    expect(modelNameProblem(name)).toMatch(message);
  });
});

/**
 * Reads a double-quoted Python string literal the way Python does, for the escapes Python has
 * (a test oracle, written from the language reference, not from the code under test).
 */
function readPythonString(literal: string): string {
  expect(literal.startsWith('"') && literal.endsWith('"')).toBe(true);
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '"') throw new Error(`unescaped quote at ${i}`);
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    const simple: Record<string, string> = { '\\': '\\', '"': '"', n: '\n', r: '\r', t: '\t' };
    const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (e !== undefined && simple[e] !== undefined) out += simple[e];
    else if (width) {
      const digits = body.slice(i + 1, i + 1 + width);
      expect(digits).toMatch(new RegExp(`^[0-9a-f]{${width}}$`));
      const cp = parseInt(digits, 16);
      // Python's \uD800 is a lone surrogate; JS strings hold one the same way.
      out += cp <= 0xffff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
      i += width;
    } else throw new Error(`unknown escape \\${e}`);
  }
  return out;
}

describe('pythonString', () => {
  test('plain names stay readable', () => {
    expect(pythonString('main.ml.churn')).toBe('"main.ml.churn"');
    expect(pythonString("Ada's model")).toBe('"Ada\'s model"');
    expect(pythonString('café ✓ 模型')).toBe('"café ✓ 模型"');
  });

  test('quotes, backslashes and line breaks cannot end the literal or the line', () => {
    expect(pythonString('a"b\\c\nd\re\tf')).toBe('"a\\"b\\\\c\\nd\\re\\tf"');
    expect(pythonString('x\\')).toBe('"x\\\\"');
  });

  test('invisible and reordering characters are written as escapes', () => {
    // A right-to-left override would show the snippet's text in another order than Python reads.
    expect(pythonString('a\u202eb')).toBe('"a\\u202eb"');
    expect(pythonString('zero\u200bwidth')).toBe('"zero\\u200bwidth"');
    expect(pythonString('nbsp\u00a0')).toBe('"nbsp\\xa0"');
    expect(pythonString('bell\u0007')).toBe('"bell\\x07"');
    expect(pythonString('line\u2028sep')).toBe('"line\\u2028sep"');
    expect(pythonString('\u{e0041}')).toBe('"\\U000e0041"');
    expect(pythonString('lone\ud800')).toBe('"lone\\ud800"');
  });

  test('any string reads back as itself, on one line of printable characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const literal = pythonString(value);
        expect(readPythonString(literal)).toBe(value);
        expect(literal).not.toMatch(/[\p{C}\p{Zl}\p{Zp}]/u);
      }),
    );
  });
});

describe('ucRegisterSnippet', () => {
  test('registers the folder by its runs:/ URI under the three-level name', () => {
    expect(ucRegisterSnippet(RUN, folder('model'), 'main.ml.churn')).toBe(
      [
        'import mlflow',
        '',
        'mlflow.set_registry_uri("databricks-uc")',
        `mlflow.register_model("runs:/${RUN}/model", "main.ml.churn")`,
      ].join('\n'),
    );
  });

  test('a logged model by its models:/ URI', () => {
    expect(ucRegisterSnippet(RUN, logged, 'main.ml.churn')).toContain(
      'mlflow.register_model("models:/m-123abc", "main.ml.churn")',
    );
  });

  test('hostile names and paths stay inside their string literals', () => {
    const snippet = ucRegisterSnippet(RUN, folder('m"o\\d'), 'main.ml.x")\nimport os #');
    expect(snippet.split('\n')).toHaveLength(4);
    expect(snippet).toContain(
      `mlflow.register_model("runs:/${RUN}/m\\"o\\\\d", "main.ml.x\\")\\nimport os #")`,
    );
  });
});

describe('registration polling', () => {
  test('MLflow’s statuses; no status means ready', () => {
    expect(registrationState('PENDING_REGISTRATION')).toBe('pending');
    expect(registrationState('FAILED_REGISTRATION')).toBe('failed');
    expect(registrationState('READY')).toBe('ready');
    expect(registrationState(undefined)).toBe('ready');
  });

  test('backs off from half a second to five seconds', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => pollDelay(n))).toEqual([
      500, 500, 750, 1125, 1688, 2531, 3797, 5000, 5000,
    ]);
  });

  test('asks again only while pending and within five minutes', () => {
    expect(shouldPollAgain('pending', 0)).toBe(true);
    expect(shouldPollAgain('pending', 299_999)).toBe(true);
    expect(shouldPollAgain('pending', 300_000)).toBe(false);
    expect(shouldPollAgain('ready', 0)).toBe(false);
    expect(shouldPollAgain('failed', 0)).toBe(false);
  });
});
