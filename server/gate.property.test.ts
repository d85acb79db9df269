// A property test of the whole request gate: hostile request targets, generated from encodings
// that have fooled path checks elsewhere, are sent over a real socket to the full server in front
// of a counting stub. Whatever the server decides, nothing off the allow-list may reach the stub,
// judged by an oracle written here independently of server/paths.ts and server/endpoints.ts.
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app.ts';
import { ENDPOINTS } from './endpoints.ts';
import { rawRequest, startStub, testConfig, type Recorded, type Stub } from './test-stub.ts';

let stub: Stub;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  stub = await startStub();
  app = await buildServer(testConfig({ MLFLOW_TRACKING_URI: stub.url }));
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app.close();
  await stub.close();
});

// ---- the oracle ------------------------------------------------------------------------------

/** decodeURIComponent until nothing changes; undefined if any round throws (not valid UTF-8). */
function fullyDecoded(value: string): string[] | undefined {
  const forms = [value];
  let current = value;
  for (let i = 0; i < 20; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      // A lone "%" that starts no escape is a character once a round has been applied.
      if (i > 0 && !/%[0-9a-f]{2}/i.test(current)) return forms;
      return undefined;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  return undefined;
}

// Where MLflow puts a parameter in the path, written out by hand for the oracle.
const PARAM_ROUTES: [string, RegExp][] = [
  ['GET', /^\/api\/2\.0\/mlflow\/logged-models\/[A-Za-z0-9_-]+$/],
  ['GET', /^\/api\/2\.0\/mlflow\/logged-models\/[A-Za-z0-9_-]+\/artifacts\/directories$/],
  ['GET', /^\/ajax-api\/2\.0\/mlflow\/logged-models\/[A-Za-z0-9_-]+\/artifacts\/files$/],
  ['GET', /^\/api\/2\.0\/mlflow-artifacts\/artifacts\/[^/]+(?:\/[^/]+)*$/],
];
const LITERALS = new Set(
  ENDPOINTS.filter((e) => !e.path.includes('{')).flatMap((e) =>
    e.path.startsWith('/api/2.0/')
      ? [`${e.method} ${e.path}`, `${e.method} /ajax-api/2.0/${e.path.slice('/api/2.0/'.length)}`]
      : [`${e.method} ${e.path}`],
  ),
);

// eslint-disable-next-line no-control-regex -- control characters are what is looked for
const CONTROL_OR_BACKSLASH = /[\\\u0000-\u001f\u007f]/;

function badSegments(value: string): boolean {
  return CONTROL_OR_BACKSLASH.test(value) || value.split('/').some((s) => s === '.' || s === '..');
}

/** Why a request that reached MLflow should not have; undefined when it was fine to forward. */
function offList(req: Recorded): string | undefined {
  const [path = '', query] = req.url.split(/\?(.*)/s);
  const forms = fullyDecoded(path);
  if (!forms) return 'path is not valid percent-encoding';
  if (forms.some((f) => badSegments(f) || f.includes('//'))) return 'dot, backslash or control';
  // Every form must have the same segments: a server that decodes once more must see the route too.
  const decoded = forms[1] ?? path;
  if (forms.some((f) => f.split('/').length !== path.split('/').length)) return 'encoded slash';
  const listed =
    LITERALS.has(`${req.method} ${decoded}`) ||
    PARAM_ROUTES.some(([method, re]) => method === req.method && re.test(decoded));
  if (!listed) return `${req.method} ${decoded} is not listed`;
  for (const pair of (query ?? '').split('&')) {
    const [name = '', value = ''] = pair.split(/=(.*)/s);
    const names = fullyDecoded(name.replaceAll('+', ' ')) ?? [name];
    if (!names.some((n) => n === 'path' || n === 'artifact_file_path')) continue;
    const values = fullyDecoded(value.replaceAll('+', ' '));
    if (!values) return `${name} is not valid percent-encoding`;
    for (const v of values) {
      if (badSegments(v) || v.startsWith('/') || /^[a-z][\w+.-]*:/i.test(v)) {
        return `${name}=${v} leaves the artifact root`;
      }
    }
  }
  return undefined;
}

// ---- the generator ---------------------------------------------------------------------------

const methodArb = fc.constantFrom('GET', 'POST', 'PATCH', 'DELETE', 'PUT');

const hex = (code: number, upper: boolean) => {
  const h = code.toString(16).padStart(2, '0');
  return `%${upper ? h.toUpperCase() : h}`;
};

/** One character, written plainly or in one of the encodings that have fooled decoders before. */
const spelled = (char: string) =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(char) },
    fc.boolean().map((upper) => hex(char.charCodeAt(0), upper)),
    fc.boolean().map((upper) => `%25${hex(char.charCodeAt(0), upper).slice(1)}`),
    fc.constant(`%2525${char.charCodeAt(0).toString(16)}`),
    // Overlong UTF-8 for the two characters that matter: "." and "/".
    ...(char === '.' ? [fc.constantFrom('%c0%ae', '%C0%AE', '%e0%80%ae', '%25c0%25ae')] : []),
    ...(char === '/' ? [fc.constantFrom('%c0%af', '%e0%80%af', '%25c0%25af')] : []),
  );

const word = (text: string) => fc.tuple(...[...text].map(spelled)).map((parts) => parts.join(''));

const SEGMENTS = [
  'api', 'ajax-api', '2.0', '3.0', 'mlflow', 'mlflow-artifacts', 'artifacts', 'runs', 'search',
  'get', 'experiments', 'create', 'delete', 'users', 'update-admin', 'upload-artifact',
  'logged-models', 'm-1', 'files', 'registered-models', 'alias', 'gateway-proxy', 'get-artifact',
  'model-versions', 'unity-catalog', 'list', 'x', '.', '..', '',
]; // prettier-ignore

const separator = fc.constantFrom(
  '/',
  '/',
  '/',
  '/',
  '//',
  '\\',
  '%2f',
  '%2F',
  '%252f',
  '%5c',
  ';',
  '%00',
  '%c0%af',
);

const segment = (text: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(`/${text}`) },
    { weight: 2, arbitrary: fc.tuple(separator, word(text)).map(([sep, seg]) => sep + seg) },
  );

/** Mostly near-miss variations of real routes (with their own method, mostly), so the gate is tested where it matters. */
const routeArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(...ENDPOINTS).chain((e) =>
      fc.tuple(
        fc.oneof({ weight: 3, arbitrary: fc.constant<string>(e.method) }, methodArb),
        fc
          .tuple(
            ...e.path
              .replace('{id}', 'm-1')
              .replace('{path+}', '1/r/a.txt')
              .split('/')
              .slice(1)
              .map(segment),
          )
          .map((parts) => parts.join('')),
      ),
    ),
  },
  fc.tuple(
    methodArb,
    fc
      .array(fc.tuple(separator, fc.constantFrom(...SEGMENTS).chain(word)), {
        minLength: 1,
        maxLength: 7,
      })
      .map((parts) => parts.map(([sep, seg]) => sep + seg).join('')),
  ),
);

const pathValue = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '/', '\\', '%2f', '%5c'),
      fc.constantFrom('a.txt', 'dir', '.', '..', 'C:', 's3:', '%00', ''),
    ),
    {
      maxLength: 4,
    },
  )
  .chain((parts) => word(parts.map(([sep, seg]) => sep + seg).join('')));

const queryArb = fc.option(
  fc
    .tuple(fc.constantFrom('path', 'artifact_file_path', 'pa%74h', 'run_id'), pathValue)
    .map(([name, value]) => `?run_uuid=r&${name}=${value}`),
  { nil: '' },
);

describe('the request gate, over generated hostile targets', () => {
  it('lets nothing off the allow-list reach MLflow', async () => {
    let forwarded = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(routeArb, queryArb, async ([method, path], query) => {
        const before = stub.requests.length;
        const body = method === 'GET' ? '' : '{}';
        const headers: Record<string, string> =
          method === 'GET' ? {} : { 'content-type': 'application/json', 'content-length': '2' };
        const res = await rawRequest(base, path + query, method, headers, body);
        const reached = stub.requests.slice(before);
        if (reached.length === 0) refused += 1;
        else forwarded += 1;
        for (const req of reached) {
          expect(
            offList(req),
            `${method} ${path}${query} reached MLflow as ${req.url}`,
          ).toBeUndefined();
        }
        // A refusal is ours and says why; never a crash.
        expect(res.status, `${method} ${path}${query}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    // The generator must exercise both sides of the gate, or the property says little.
    expect(forwarded).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  }, 20_000);

  it('the oracle itself refuses what it should', () => {
    const req = (method: string, url: string): Recorded => ({
      method,
      url,
      headers: {},
      body: Buffer.alloc(0),
    });
    expect(offList(req('POST', '/api/2.0/mlflow/runs/search'))).toBeUndefined();
    expect(offList(req('GET', '/get-artifact?path=a/b.txt&run_uuid=r'))).toBeUndefined();
    expect(offList(req('POST', '/api/2.0/mlflow/users/create'))).toBeDefined();
    expect(offList(req('GET', '/api/2.0/mlflow/runs/search'))).toBeDefined();
    expect(offList(req('GET', '/api/2.0/mlflow/runs%252fget'))).toBeDefined();
    expect(offList(req('GET', '/get-artifact?path=%252e%252e/x'))).toBeDefined();
    expect(offList(req('GET', '/get-artifact?path=%c0%ae%c0%ae/x'))).toBeDefined();
    expect(offList(req('DELETE', '/api/2.0/mlflow-artifacts/artifacts/1/r/a'))).toBeDefined();
  });
});
