import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ENDPOINTS, matchEndpoint } from './endpoints.ts';

describe('the endpoint table', () => {
  it('lists each method + path once', () => {
    const keys = ENDPOINTS.map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('holds only MLflow paths, and none of the dangerous ones', () => {
    for (const { path: p } of ENDPOINTS) {
      expect(p).toMatch(
        /^(?:\/api\/2\.0\/mlflow\/|\/api\/2\.0\/mlflow-artifacts\/artifacts\/|\/ajax-api\/2\.0\/mlflow\/|\/get-artifact$|\/model-versions\/get-artifact$)/,
      );
      expect(p).not.toMatch(/users|upload|gateway|credentials|finalize|permissions|\*/);
    }
  });

  it('marks every GET a read, and the POSTs that only read as reads', () => {
    for (const e of ENDPOINTS) if (e.method === 'GET') expect(e.access, e.path).toBe('read');
    const postReads = ENDPOINTS.filter((e) => e.method === 'POST' && e.access === 'read')
      .map((e) => e.path)
      .sort();
    expect(postReads).toEqual([
      '/api/2.0/mlflow/experiments/search',
      '/api/2.0/mlflow/logged-models/search',
      '/api/2.0/mlflow/registered-models/get-latest-versions',
      '/api/2.0/mlflow/runs/search',
    ]);
  });

  it('matches a parameter to one segment (ids) or several (artifact paths), never across them', () => {
    expect(matchEndpoint('GET', '/api/2.0/mlflow/logged-models/m-abc').kind).toBe('allowed');
    expect(matchEndpoint('GET', '/api/2.0/mlflow/logged-models/m-abc/x').kind).toBe('not-found');
    expect(matchEndpoint('GET', '/api/2.0/mlflow/logged-models/').kind).toBe('not-found');
    expect(matchEndpoint('GET', '/api/2.0/mlflow-artifacts/artifacts/1/r/a/b.txt').kind).toBe(
      'allowed',
    );
    expect(matchEndpoint('GET', '/api/2.0/mlflow-artifacts/artifacts/').kind).toBe('not-found');
    expect(matchEndpoint('GET', '/api/2.0/mlflow-artifacts/artifacts').kind).toBe('not-found');
  });
});

// ---------------------------------------------------------------------------------------------
// Every MLflow call the SPA makes is in the table, with the method it uses.
//
// The SPA's source is parsed (TypeScript's own parser), every `api.get/post/patch/delete(path)`
// and `request('METHOD', path)` call is resolved to its path (string literals, templates and `+`
// over module constants), and each must be allowed for its method. So that a call written some
// other way cannot slip past, every string in src/ that looks like an MLflow path must be used by
// one of those resolved calls; otherwise the test fails and names it.

const SRC = fileURLToPath(new URL('../src', import.meta.url));
const MLFLOW_PATH = /(?:^|[^\w])\/(?:api|ajax-api)\/\d\.0\/|\/get-artifact|mlflow-artifacts/;
const OWN_API = '/parallax/api/';
const ENCODED_SEGMENT = 'm-encoded0';
const VERBS: Record<string, string> = {
  get: 'GET',
  post: 'POST',
  patch: 'PATCH',
  delete: 'DELETE',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

interface Call {
  file: string;
  method: string;
  path: string;
}

interface Scan {
  calls: Call[];
  /** MLflow-looking strings no resolved call used, and calls whose path could not be resolved. */
  loose: string[];
}

function scan(files: { file: string; text: string }[]): Scan {
  const calls: Call[] = [];
  const loose: string[] = [];
  for (const { file, text } of files) {
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `${path.relative(SRC, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const constants = new Map<string, ts.Expression>();
    const visitConsts = (node: ts.Node) => {
      if (
        ts.isVariableDeclaration(node) &&
        ts.isIdentifier(node.name) &&
        node.initializer &&
        ts.isVariableDeclarationList(node.parent) &&
        node.parent.flags & ts.NodeFlags.Const
      ) {
        constants.set(node.name.text, node.initializer);
      }
      ts.forEachChild(node, visitConsts);
    };
    visitConsts(source);

    const used = new Set<ts.Node>();
    const evaluate = (node: ts.Expression): string | undefined => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
        used.add(node);
        return node.text;
      }
      if (ts.isParenthesizedExpression(node)) return evaluate(node.expression);
      // An encoded value stands for one path segment (a logged model's id): the table then
      // decides whether that path takes one there.
      if (
        ts.isCallExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'encodeURIComponent'
      ) {
        return ENCODED_SEGMENT;
      }
      if (ts.isIdentifier(node)) {
        const init = constants.get(node.text);
        return init ? evaluate(init) : undefined;
      }
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const left = evaluate(node.left);
        const right = evaluate(node.right);
        return left === undefined || right === undefined ? undefined : left + right;
      }
      if (ts.isTemplateExpression(node)) {
        let out = node.head.text;
        for (const span of node.templateSpans) {
          const value = evaluate(span.expression);
          if (value === undefined) return undefined;
          out += value + span.literal.text;
        }
        used.add(node);
        return out;
      }
      return undefined;
    };

    const visitCalls = (node: ts.Node) => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        let method: string | undefined;
        let target: ts.Expression | undefined;
        if (
          ts.isPropertyAccessExpression(callee) &&
          ts.isIdentifier(callee.expression) &&
          callee.expression.text === 'api' &&
          VERBS[callee.name.text]
        ) {
          method = VERBS[callee.name.text];
          target = node.arguments[0];
        } else if (ts.isIdentifier(callee) && callee.text === 'request') {
          const verb = node.arguments[0];
          if (verb && ts.isStringLiteral(verb)) method = verb.text;
          target = node.arguments[1];
        }
        // A wrapper passing its own parameter on (the client's `api` object) is not a call site;
        // the strings its callers pass must then resolve elsewhere, or they show up as loose.
        if (method && target && !isParameter(target)) {
          const value = evaluate(target);
          if (value === undefined)
            loose.push(`${where(node)}: a ${method} call whose path is not static`);
          else if (!value.startsWith(OWN_API)) {
            calls.push({ file: where(node), method, path: value.split('?')[0] ?? value });
          }
        }
      }
      ts.forEachChild(node, visitCalls);
    };
    visitCalls(source);

    // A string counts as used when a resolved call evaluated it, directly or as a constant
    // (a shared `BASE` prefix is evaluated through the templates that use it).
    const visitStrings = (node: ts.Node) => {
      const isString =
        ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateExpression(node);
      if (isString) {
        const raw = node.getText(source);
        if (MLFLOW_PATH.test(raw) && !raw.includes(OWN_API) && !used.has(node)) {
          loose.push(`${where(node)}: ${raw} is not the path of an api.* call`);
        }
        if (!ts.isTemplateExpression(node)) return;
      }
      ts.forEachChild(node, visitStrings);
    };
    visitStrings(source);
  }
  return { calls, loose };
}

function isParameter(node: ts.Expression): boolean {
  if (!ts.isIdentifier(node)) return false;
  for (let scope: ts.Node | undefined = node.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      if (scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === node.text)) {
        return true;
      }
    }
  }
  return false;
}

describe('every MLflow call in src/ is in the table', () => {
  const { calls, loose } = scan(
    sourceFiles(SRC).map((file) => ({ file, text: readFileSync(file, 'utf8') })),
  );

  it('finds the calls (the scan itself works)', () => {
    expect(calls.length).toBeGreaterThan(15);
    expect(calls).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/api/2.0/mlflow/runs/search' }),
    );
    expect(calls).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        path: '/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval',
      }),
    );
  });

  it('ties every MLflow path string in src/ to a call it can check', () => {
    expect(loose).toEqual([]);
  });

  it('allows each call with the method it uses', () => {
    const missing = calls
      .filter((call) => matchEndpoint(call.method, call.path).kind !== 'allowed')
      .map((call) => `${call.file}: ${call.method} ${call.path}`);
    expect(missing).toEqual([]);
  });

  it('fails for a call the table lacks, or one it cannot resolve', () => {
    const text = [
      "const BASE = '/api/2.0/mlflow/users';",
      'export const a = () => api.post(`${BASE}/create`, {});',
      "export const b = (p: string) => api.get('/api/2.0/mlflow/' + p);",
      "export const c = () => fetch('/ajax-api/2.0/mlflow/upload-artifact');",
    ].join('\n');
    const result = scan([{ file: path.join(SRC, 'probe.ts'), text }]);
    expect(result.calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'POST /api/2.0/mlflow/users/create',
    ]);
    expect(matchEndpoint('POST', '/api/2.0/mlflow/users/create').kind).toBe('not-found');
    expect(result.loose.join('\n')).toMatch(/probe\.ts:3: a GET call whose path is not static/);
    expect(result.loose.join('\n')).toMatch(/probe\.ts:4: .*upload-artifact/);
  });

  it('reads an encoded value as one path segment, allowed only where the table takes one', () => {
    const text = [
      "const BASE = '/api/2.0/mlflow/logged-models';",
      'export const a = (id: string) => api.get(`${BASE}/${encodeURIComponent(id)}`);',
      'export const b = (id: string) => api.get(`/api/2.0/mlflow/runs/${encodeURIComponent(id)}`);',
    ].join('\n');
    const result = scan([{ file: path.join(SRC, 'probe.ts'), text }]);
    expect(result.loose).toEqual([]);
    const kinds = result.calls.map((c) => matchEndpoint(c.method, c.path).kind);
    expect(kinds).toEqual(['allowed', 'not-found']);
  });
});
