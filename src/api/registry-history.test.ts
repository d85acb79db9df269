import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_LIMIT, encodeRecord, readHistory } from '@/lib/registry/history';
import { MlflowError } from './errors';
import {
  HistoryConflict,
  deleteAliasRecorded,
  rollbackRecorded,
  setAliasRecorded,
  transitionRecorded,
} from './registry-history';

// A small registry behind a stubbed fetch, answering as MLflow does for the calls these writes
// make, and logging each call so the order (read, write, record, prune) can be checked.

interface Fake {
  aliases: Map<string, string>;
  stages: Map<string, string>;
  tags: Map<string, string>;
  user: string | null;
  failTagWrites: boolean;
  calls: string[];
}

let fake: Fake;

const json = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    }),
  );
const missing = (what: string) =>
  json({ error_code: 'RESOURCE_DOES_NOT_EXIST', message: `${what} not found` }, 404);

function answer(method: string, path: string, body: Record<string, unknown>) {
  const version = String(body.version ?? '');
  switch (`${method} ${path}`) {
    case 'GET /parallax/api/config':
      return json({ user: fake.user });
    case 'GET /api/2.0/mlflow/registered-models/get':
      return json({
        registered_model: {
          name: 'm',
          aliases: [...fake.aliases].map(([alias, v]) => ({ alias, version: v })),
          tags: [...fake.tags].map(([key, value]) => ({ key, value })),
        },
      });
    case 'POST /api/2.0/mlflow/registered-models/alias':
      if (!fake.stages.has(version)) return missing(`Version ${version}`);
      fake.aliases.set(String(body.alias), version);
      return json({});
    case 'DELETE /api/2.0/mlflow/registered-models/alias':
      fake.aliases.delete(String(body.alias));
      return json({});
    case 'POST /api/2.0/mlflow/registered-models/set-tag':
      if (fake.failTagWrites)
        return json({ error_code: 'PERMISSION_DENIED', message: 'no tags for you' }, 403);
      fake.tags.set(String(body.key), String(body.value));
      return json({});
    case 'DELETE /api/2.0/mlflow/registered-models/delete-tag':
      if (!fake.tags.delete(String(body.key))) return missing('Tag');
      return json({});
    case 'GET /api/2.0/mlflow/model-versions/get': {
      const stage = fake.stages.get(version);
      if (stage === undefined) return missing(`Version ${version}`);
      return json({ model_version: { name: 'm', version, current_stage: stage } });
    }
    case 'GET /api/2.0/mlflow/model-versions/search':
      return json({
        model_versions: [...fake.stages].map(([v, current_stage]) => ({
          name: 'm',
          version: v,
          current_stage,
        })),
      });
    case 'POST /api/2.0/mlflow/model-versions/transition-stage': {
      if (!fake.stages.has(version)) return missing(`Version ${version}`);
      if (body.archive_existing_versions)
        for (const [v, s] of fake.stages)
          if (v !== version && s === body.stage) fake.stages.set(v, 'Archived');
      fake.stages.set(version, String(body.stage));
      return json({ model_version: { name: 'm', version, current_stage: body.stage } });
    }
  }
  throw new Error(`unexpected ${method} ${path}`);
}

beforeEach(() => {
  fake = {
    aliases: new Map(),
    stages: new Map([
      ['1', 'None'],
      ['2', 'None'],
    ]),
    tags: new Map([['team', 'growth']]),
    user: 'ana@example.com',
    failTagWrites: false,
    calls: [],
  };
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const { pathname, searchParams } = new URL(url, 'http://parallax.test');
    const method = init.method ?? 'GET';
    fake.calls.push(`${method} ${pathname.replace('/api/2.0/mlflow/', '')}`);
    const body = init.body
      ? (JSON.parse(String(init.body)) as Record<string, unknown>)
      : Object.fromEntries(searchParams);
    return answer(method, pathname, body);
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const history = () => readHistory([...fake.tags].map(([key, value]) => ({ key, value })));

describe('setAliasRecorded', () => {
  it('reads the holder, moves the alias, then adds one record of who moved it from where', async () => {
    fake.aliases.set('champion', '1');
    await expect(setAliasRecorded('m', 'champion', '2')).resolves.toEqual({ recorded: true });
    expect(fake.aliases.get('champion')).toBe('2');
    expect(history()).toMatchObject([
      { kind: 'alias', alias: 'champion', from: '1', to: '2', by: 'ana@example.com' },
    ]);
    expect(fake.calls.filter((c) => !c.endsWith('config'))).toEqual([
      'GET registered-models/get',
      'POST registered-models/alias',
      'POST registered-models/set-tag',
    ]);
    expect(fake.tags.get('team')).toBe('growth');
  });

  it('records nobody when Parallax knows no user', async () => {
    fake.user = null;
    await setAliasRecorded('m', 'champion', '1');
    expect(history()).toMatchObject([{ from: null, to: '1', by: null }]);
  });

  it('records nothing when the alias already pointed there', async () => {
    fake.aliases.set('champion', '2');
    await expect(setAliasRecorded('m', 'champion', '2')).resolves.toEqual({ recorded: true });
    expect(history()).toEqual([]);
  });

  it('a failed move throws MLflow’s error and records nothing', async () => {
    const error = await setAliasRecorded('m', 'champion', '9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe('RESOURCE_DOES_NOT_EXIST');
    expect(history()).toEqual([]);
  });

  it('a move whose record fails still counts, and says the history missed it', async () => {
    fake.failTagWrites = true;
    const outcome = await setAliasRecorded('m', 'champion', '2');
    expect(fake.aliases.get('champion')).toBe('2');
    expect(outcome.recorded).toBe(false);
    expect(outcome.recorded === false && (outcome.problem as MlflowError).errorCode).toBe(
      'PERMISSION_DENIED',
    );
  });

  it(`keeps the newest ${HISTORY_LIMIT} records, deleting the oldest beyond them`, async () => {
    const old = Array.from({ length: HISTORY_LIMIT }, (_, i) =>
      encodeRecord(
        { kind: 'alias', alias: 'a', from: null, to: '1', by: null },
        1_700_000_000_000 + i,
        'aaaa',
      ),
    );
    for (const { key, value } of old) fake.tags.set(key, value);
    await setAliasRecorded('m', 'champion', '2');
    const kept = history();
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect(kept[0]).toMatchObject({ alias: 'champion' });
    expect(fake.tags.has(old[0]?.key ?? '')).toBe(false);
    expect(fake.tags.has(old[1]?.key ?? '')).toBe(true);
  });
});

describe('deleteAliasRecorded', () => {
  it('records the removal from the version that held it', async () => {
    fake.aliases.set('shadow', '1');
    await deleteAliasRecorded('m', 'shadow');
    expect(fake.aliases.has('shadow')).toBe(false);
    expect(history()).toMatchObject([{ kind: 'alias', alias: 'shadow', from: '1', to: null }]);
  });
});

describe('transitionRecorded', () => {
  it('records the version’s previous stage and every version archiving moved', async () => {
    fake.stages = new Map([
      ['1', 'Production'],
      ['2', 'Production'],
      ['3', 'Staging'],
      ['4', 'Staging'],
    ]);
    await transitionRecorded('m', '4', 'Production', true);
    expect(history()).toMatchObject([
      {
        kind: 'stage',
        moves: [
          { version: '4', from: 'Staging', to: 'Production' },
          { version: '2', from: 'Production', to: 'Archived' },
          { version: '1', from: 'Production', to: 'Archived' },
        ],
        omitted: 0,
      },
    ]);
  });

  it('without archiving, only the version is read and recorded', async () => {
    await transitionRecorded('m', '1', 'Staging', false);
    expect(fake.calls).not.toContain('GET model-versions/search');
    expect(history()).toMatchObject([
      { kind: 'stage', moves: [{ version: '1', from: 'None', to: 'Staging' }] },
    ]);
  });
});

describe('rollbackRecorded', () => {
  it('refuses, writing nothing, when the alias moved since the user was shown it', async () => {
    fake.aliases.set('champion', '2');
    const error = await rollbackRecorded('m', {
      kind: 'alias',
      alias: 'champion',
      from: '1',
      to: '2',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HistoryConflict);
    expect(fake.calls).not.toContain('POST registered-models/alias');
    expect(history()).toEqual([]);
  });

  it('an alias rollback is recorded as a rollback', async () => {
    fake.aliases.set('champion', '2');
    await rollbackRecorded('m', { kind: 'alias', alias: 'champion', from: '2', to: '1' });
    expect(fake.aliases.get('champion')).toBe('1');
    expect(history()).toMatchObject([{ from: '2', to: '1', rollback: true }]);
  });

  it('a stage rollback moves each version back without archiving, as one record', async () => {
    fake.stages = new Map([
      ['1', 'Archived'],
      ['4', 'Production'],
    ]);
    await rollbackRecorded('m', {
      kind: 'stage',
      moves: [
        { version: '4', from: 'Production', to: 'Staging' },
        { version: '1', from: 'Archived', to: 'Production' },
      ],
      kept: [],
      omitted: 0,
    });
    expect(Object.fromEntries(fake.stages)).toEqual({ '1': 'Production', '4': 'Staging' });
    expect(history()).toMatchObject([
      {
        kind: 'stage',
        rollback: true,
        moves: [
          { version: '4', from: 'Production', to: 'Staging' },
          { version: '1', from: 'Archived', to: 'Production' },
        ],
      },
    ]);
  });

  it('a stage rollback stopped by a failure records the moves it made, then throws', async () => {
    fake.stages = new Map([
      ['1', 'Archived'],
      ['4', 'Production'],
    ]);
    const plan = {
      kind: 'stage' as const,
      moves: [
        { version: '4', from: 'Production' as const, to: 'Staging' as const },
        { version: '1', from: 'Archived' as const, to: 'Production' as const },
      ],
      kept: [],
      omitted: 0,
    };
    // Version 1 is deleted between the check and its transition.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      if (String(init.body).includes('"version":"1"') && String(url).includes('transition'))
        fake.stages.delete('1');
      return realFetch(url, init);
    });
    await expect(rollbackRecorded('m', plan)).rejects.toBeInstanceOf(MlflowError);
    expect(fake.stages.get('4')).toBe('Staging');
    expect(history()).toMatchObject([
      { rollback: true, moves: [{ version: '4', from: 'Production', to: 'Staging' }] },
    ]);
  });
});
