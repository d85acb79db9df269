import { describe, expect, test } from 'vitest';
import {
  HISTORY_LIMIT,
  MAX_RECORD_CHARS,
  decodeRecord,
  encodeRecord,
  entriesAbout,
  entryKey,
  historyKeysBeyondLimit,
  isHistoryTag,
  keySuffix,
  latestEntries,
  outsideMoves,
  readHistory,
  registryState,
  rollbackOf,
  timeline,
  viewOf,
  type HistoryEvent,
  type HistoryRecord,
  type StageMove,
} from './history';
import type { Stage } from './versions';

const T0 = 1_733_600_000_000;

const aliasEvent = (alias: string, from: string | null, to: string | null): HistoryEvent => ({
  kind: 'alias',
  alias,
  from,
  to,
  by: null,
});
const move = (version: string, from: Stage, to: Stage): StageMove => ({ version, from, to });
const stageEvent = (...moves: StageMove[]): HistoryEvent => ({
  kind: 'stage',
  moves,
  omitted: 0,
  by: 'ana@example.com',
});

/** Records as they come back from MLflow's tags: encoded, then decoded. */
function recordsOf(...events: HistoryEvent[]): HistoryRecord[] {
  return readHistory(events.map((e, i) => encodeRecord(e, T0 + i * 1000, `r${i}00`)));
}

const state = (
  aliases: Record<string, string>,
  stages: Record<string, Stage>,
): ReturnType<typeof registryState> =>
  registryState(
    Object.entries(aliases).map(([alias, version]) => ({ alias, version })),
    Object.entries(stages).map(([version, current_stage]) => ({ version, current_stage })),
  );

describe('encodeRecord / decodeRecord', () => {
  test('an alias move reads back as written, with the time and id of its key', () => {
    const { key, value } = encodeRecord(
      { ...aliasEvent('champion', '1', '2'), by: 'ana@example.com' },
      T0,
      'k3j9x2',
    );
    expect(key).toBe('parallax.history.001733600000000.k3j9x2');
    expect(isHistoryTag(key)).toBe(true);
    expect(decodeRecord(key, value)).toEqual({
      id: key,
      at: T0,
      kind: 'alias',
      alias: 'champion',
      from: '1',
      to: '2',
      by: 'ana@example.com',
    });
  });

  test('a stage transition keeps every move and the rollback mark', () => {
    const event: HistoryEvent = {
      ...stageEvent(move('4', 'Staging', 'Production'), move('1', 'Production', 'Archived')),
      rollback: true,
    };
    const { key, value } = encodeRecord(event, T0, 'abcd');
    expect(decodeRecord(key, value)).toEqual({ ...event, id: key, at: T0 });
  });

  test('keys sort as their times do, across a change in the number of digits', () => {
    const early = encodeRecord(aliasEvent('a', null, '1'), 999_999_999_999, 'aaaa').key;
    const late = encodeRecord(aliasEvent('a', null, '1'), 1_000_000_000_000, 'aaaa').key;
    expect(early < late).toBe(true);
  });

  test('a transition that archived too many versions for one tag keeps the first and counts the rest', () => {
    const archived = Array.from({ length: 400 }, (_, i) =>
      move(String(i + 10), 'Production', 'Archived'),
    );
    const { key, value } = encodeRecord(
      stageEvent(move('1', 'Staging', 'Production'), ...archived),
      T0,
      'abcd',
    );
    expect(value.length).toBeLessThanOrEqual(MAX_RECORD_CHARS);
    const record = decodeRecord(key, value);
    if (record?.kind !== 'stage') throw new Error('expected a stage record');
    expect(record.moves[0]).toEqual(move('1', 'Staging', 'Production'));
    expect(record.moves.length + record.omitted).toBe(401);
    expect(record.omitted).toBeGreaterThan(0);
  });

  test('a long name of the user is cut to 256 characters', () => {
    const { key, value } = encodeRecord(
      { ...aliasEvent('a', null, '1'), by: 'x'.repeat(1000) },
      T0,
      'abcd',
    );
    expect(decodeRecord(key, value)?.by).toHaveLength(256);
  });

  test('hostile text in who made the change stays the text it is', () => {
    const by = '<img src=x onerror="alert(1)">';
    const { key, value } = encodeRecord({ ...aliasEvent('a', null, '1'), by }, T0, 'abcd');
    expect(decodeRecord(key, value)?.by).toBe(by);
  });

  const key = 'parallax.history.001733600000000.abcd';
  const good = { v: 1, kind: 'alias', alias: 'champion', from: '1', to: '2', by: null };
  test.each([
    ['a key not of our form', 'parallax.history.123.abcd', JSON.stringify(good)],
    ['a key with a non-digit time', 'parallax.history.00173360000000x.abcd', JSON.stringify(good)],
    ['no value', key, undefined],
    ['a value that is not JSON', key, '<script>alert(1)</script>'],
    ['JSON that is not an object', key, '["alias"]'],
    ['null', key, 'null'],
    ['another format version', key, JSON.stringify({ ...good, v: 2 })],
    ['an unknown kind', key, JSON.stringify({ ...good, kind: 'tag' })],
    ['HTML as an alias', key, JSON.stringify({ ...good, alias: '<b>x</b>' })],
    ['an empty alias', key, JSON.stringify({ ...good, alias: '' })],
    ['a version that is not a number', key, JSON.stringify({ ...good, to: '2; drop' })],
    ['a version as a number', key, JSON.stringify({ ...good, to: 2 })],
    ['a move to where it was', key, JSON.stringify({ ...good, to: '1' })],
    ['a user that is not text', key, JSON.stringify({ ...good, by: { name: 'x' } })],
    [
      'a stage MLflow does not have',
      key,
      JSON.stringify({
        v: 1,
        kind: 'stage',
        by: null,
        moves: [{ version: '1', from: 'None', to: 'Live' }],
      }),
    ],
    ['no moves', key, JSON.stringify({ v: 1, kind: 'stage', by: null, moves: [] })],
    [
      'moves that are not a list',
      key,
      JSON.stringify({ v: 1, kind: 'stage', by: null, moves: 'x' }),
    ],
    [
      'a negative omitted count',
      key,
      JSON.stringify({
        v: 1,
        kind: 'stage',
        by: null,
        omitted: -1,
        moves: [{ version: '1', from: 'None', to: 'Staging' }],
      }),
    ],
    [
      'a value longer than MLflow keeps',
      key,
      JSON.stringify({ ...good, by: 'x'.repeat(MAX_RECORD_CHARS) }),
    ],
  ])('skips %s', (_what, k, value) => {
    expect(decodeRecord(k, value)).toBeUndefined();
  });

  test('accepts an alias in any script, as MLflow does', () => {
    expect(decodeRecord(key, JSON.stringify({ ...good, alias: 'champion_é-2' }))?.kind).toBe(
      'alias',
    );
  });
});

describe('keySuffix', () => {
  test('lowercase base 36, one character per byte', () => {
    expect(keySuffix([0, 35, 36, 255])).toBe('0z03');
  });
});

describe('readHistory', () => {
  test('newest first, the same millisecond ordered by the random part, others skipped', () => {
    const a = encodeRecord(aliasEvent('a', null, '1'), T0, 'aaaa');
    const b = encodeRecord(aliasEvent('a', '1', '2'), T0 + 5, 'bbbb');
    const c = encodeRecord(aliasEvent('a', '2', '3'), T0 + 5, 'cccc');
    const tags = [
      b,
      { key: 'team', value: 'growth' },
      a,
      { key: 'parallax.history.001733600000009.zzzz', value: '<img src=x>' },
      c,
    ];
    expect(readHistory(tags).map((r) => r.id)).toEqual([c.key, b.key, a.key]);
  });
});

describe('historyKeysBeyondLimit', () => {
  const keys = Array.from(
    { length: HISTORY_LIMIT + 3 },
    (_, i) => encodeRecord(aliasEvent('a', null, '1'), T0 + i, 'abcd').key,
  );

  test('the oldest beyond the newest 50', () => {
    expect(historyKeysBeyondLimit([...keys].reverse())).toEqual(keys.slice(0, 3).reverse());
  });

  test('nothing while within the limit; keys not of our form are never deleted', () => {
    expect(historyKeysBeyondLimit(keys.slice(0, HISTORY_LIMIT))).toEqual([]);
    expect(historyKeysBeyondLimit(['parallax.history.x', 'team', keys[0] ?? ''], 0)).toEqual([
      keys[0],
    ]);
  });
});

describe('outsideMoves', () => {
  test('an alias whose holder differs from the last record was moved outside Parallax', () => {
    const records = recordsOf(aliasEvent('champion', null, '1'), aliasEvent('champion', '1', '2'));
    expect(
      outsideMoves(records, state({ champion: '3' }, { 1: 'None', 2: 'None', 3: 'None' })),
    ).toEqual([{ kind: 'alias', alias: 'champion', from: '2', to: '3', after: T0 + 1000 }]);
  });

  test('an alias gone since its last record (removed, or its version deleted)', () => {
    const records = recordsOf(aliasEvent('champion', null, '2'));
    expect(outsideMoves(records, state({}, { 1: 'None' }))).toEqual([
      { kind: 'alias', alias: 'champion', from: '2', to: null, after: T0 },
    ]);
  });

  test('nothing when MLflow holds what the records say, and no judgement on unrecorded aliases', () => {
    const records = recordsOf(aliasEvent('champion', '1', '2'), aliasEvent('shadow', '2', null));
    expect(
      outsideMoves(records, state({ champion: '2', other: '1' }, { 1: 'None', 2: 'None' })),
    ).toEqual([]);
  });

  test('a version whose stage differs from the last move recorded for it, archived ones included', () => {
    const records = recordsOf(
      stageEvent(move('4', 'Staging', 'Production'), move('1', 'Production', 'Archived')),
    );
    expect(outsideMoves(records, state({}, { 1: 'Production', 4: 'Production' }))).toEqual([
      { kind: 'stage', version: '1', from: 'Archived', to: 'Production', after: T0 },
    ]);
  });

  test('a recorded version that no longer exists', () => {
    const records = recordsOf(stageEvent(move('4', 'None', 'Staging')));
    expect(outsideMoves(records, state({}, {}))).toEqual([
      { kind: 'stage', version: '4', from: 'Staging', to: null, after: T0 },
    ]);
  });

  test('only the newest record of each version counts', () => {
    const records = recordsOf(
      stageEvent(move('4', 'None', 'Staging')),
      stageEvent(move('4', 'Staging', 'Production')),
    );
    expect(outsideMoves(records, state({}, { 4: 'Production' }))).toEqual([]);
  });
});

describe('timeline and latestEntries', () => {
  const records = recordsOf(
    aliasEvent('champion', null, '1'),
    stageEvent(move('2', 'None', 'Production'), move('1', 'Production', 'Archived')),
    aliasEvent('champion', '1', '2'),
  );
  const now = state({ champion: '3' }, { 1: 'Archived', 2: 'Production', 3: 'None' });
  const entries = timeline(records, now);

  test('changes made outside Parallax on top, then the records newest first', () => {
    expect(entries.map((e) => (e.source === 'outside' ? 'outside' : e.record.kind))).toEqual([
      'outside',
      'alias',
      'stage',
      'alias',
    ]);
  });

  test('the latest entry of each alias and version stage', () => {
    const latest = latestEntries(entries);
    expect(entries.map((e) => latest.has(e))).toEqual([true, false, true, false]);
  });
});

/** The entry at `i`, failing the test when there is none. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no entry ${i} in ${list.length}`);
  return item;
}

describe('rollbackOf', () => {
  test('an alias move restores the version that held it before', () => {
    const records = recordsOf(aliasEvent('champion', '1', '2'));
    const now = state({ champion: '2' }, { 1: 'None', 2: 'None' });
    const entries = timeline(records, now);
    expect(rollbackOf(nth(entries, 0), entries, now)).toEqual({
      ok: true,
      plan: { kind: 'alias', alias: 'champion', from: '2', to: '1' },
    });
  });

  test('a new alias is removed again; a removed one is set back', () => {
    const now = state({ champion: '2' }, { 1: 'None', 2: 'None' });
    const created = timeline(recordsOf(aliasEvent('champion', null, '2')), now);
    expect(rollbackOf(nth(created, 0), created, now)).toEqual({
      ok: true,
      plan: { kind: 'alias', alias: 'champion', from: '2', to: null },
    });
    const none = state({}, { 1: 'None' });
    const removed = timeline(recordsOf(aliasEvent('shadow', '1', null)), none);
    expect(rollbackOf(nth(removed, 0), removed, none)).toEqual({
      ok: true,
      plan: { kind: 'alias', alias: 'shadow', from: null, to: '1' },
    });
  });

  test('not when the previous holder has been deleted', () => {
    const now = state({ champion: '2' }, { 2: 'None' });
    const entries = timeline(recordsOf(aliasEvent('champion', '1', '2')), now);
    expect(rollbackOf(nth(entries, 0), entries, now)).toEqual({
      ok: false,
      reason: 'Version 1 no longer exists.',
    });
  });

  test('only the latest entry of an alias offers one', () => {
    const now = state({ champion: '3' }, { 1: 'None', 2: 'None', 3: 'None' });
    const entries = timeline(
      recordsOf(aliasEvent('champion', '1', '2'), aliasEvent('champion', '2', '3')),
      now,
    );
    expect(rollbackOf(nth(entries, 1), entries, now)).toBeUndefined();
    expect(rollbackOf(nth(entries, 0), entries, now)?.ok).toBe(true);
  });

  test('a move made outside Parallax can be undone back to the recorded holder', () => {
    const now = state({ champion: '3' }, { 1: 'None', 2: 'None', 3: 'None' });
    const entries = timeline(recordsOf(aliasEvent('champion', '1', '2')), now);
    expect(entries[0]?.source).toBe('outside');
    expect(rollbackOf(nth(entries, 0), entries, now)).toEqual({
      ok: true,
      plan: { kind: 'alias', alias: 'champion', from: '3', to: '2' },
    });
    // The record below it is no longer the latest: undoing it would skip the outside move.
    expect(rollbackOf(nth(entries, 1), entries, now)).toBeUndefined();
  });

  test('a transition goes back, and the versions it archived return to where they were', () => {
    const now = state({}, { 1: 'Archived', 2: 'Archived', 4: 'Production' });
    const entries = timeline(
      recordsOf(
        stageEvent(
          move('4', 'Staging', 'Production'),
          move('2', 'Production', 'Archived'),
          move('1', 'Production', 'Archived'),
        ),
      ),
      now,
    );
    expect(rollbackOf(nth(entries, 0), entries, now)).toEqual({
      ok: true,
      plan: {
        kind: 'stage',
        moves: [
          move('4', 'Production', 'Staging'),
          move('2', 'Archived', 'Production'),
          move('1', 'Archived', 'Production'),
        ],
        kept: [],
        omitted: 0,
      },
    });
  });

  test('an archived version changed or deleted since is left as it is', () => {
    const records = recordsOf(
      stageEvent(
        move('4', 'Staging', 'Production'),
        move('2', 'Production', 'Archived'),
        move('1', 'Production', 'Archived'),
        move('3', 'Production', 'Archived'),
      ),
      stageEvent(move('2', 'Archived', 'Staging')),
      stageEvent(move('2', 'Staging', 'Archived')),
    );
    // v2 is Archived again, but by a later change, which a rollback of the first does not undo.
    const now = state({}, { 1: 'None', 2: 'Archived', 4: 'Production' });
    const entries = timeline(records, now);
    // The oldest entry is the transition (v1 and v3 also show as changed outside Parallax).
    expect(rollbackOf(nth(entries, entries.length - 1), entries, now)).toEqual({
      ok: true,
      plan: {
        kind: 'stage',
        moves: [move('4', 'Production', 'Staging')],
        kept: [
          { version: '2', stage: 'Archived' },
          { version: '1', stage: 'None' },
          { version: '3', stage: null },
        ],
        omitted: 0,
      },
    });
  });

  test('a stage changed outside Parallax goes back to the recorded one; a deleted version cannot', () => {
    const records = recordsOf(
      stageEvent(move('4', 'None', 'Staging')),
      stageEvent(move('5', 'None', 'Staging')),
    );
    const now = state({}, { 4: 'Production' });
    const entries = timeline(records, now);
    const outside = entries.filter((e) => e.source === 'outside');
    expect(outside.map((e) => rollbackOf(e, entries, now))).toEqual([
      { ok: false, reason: 'Version 5 no longer exists.' },
      {
        ok: true,
        plan: { kind: 'stage', moves: [move('4', 'Production', 'Staging')], kept: [], omitted: 0 },
      },
    ]);
  });
});

describe('viewOf', () => {
  test('a recorded transition: its version, stages, who, when and what moved with it', () => {
    const records = recordsOf({
      ...stageEvent(move('4', 'Staging', 'Production'), move('1', 'Production', 'Archived')),
      rollback: true,
    });
    const entries = timeline(records, state({}, { 1: 'Archived', 4: 'Production' }));
    expect(viewOf(nth(entries, 0))).toEqual({
      outside: false,
      rollback: true,
      by: 'ana@example.com',
      at: T0,
      kind: 'stage',
      version: '4',
      from: 'Staging',
      to: 'Production',
      also: [move('1', 'Production', 'Archived')],
      omitted: 0,
    });
  });

  test('a change made outside Parallax: nobody known, the time it came after', () => {
    const records = recordsOf(aliasEvent('champion', '1', '2'));
    const entries = timeline(
      records,
      state({ champion: '3' }, { 1: 'None', 2: 'None', 3: 'None' }),
    );
    expect(viewOf(nth(entries, 0))).toEqual({
      outside: true,
      rollback: false,
      by: null,
      at: T0,
      kind: 'alias',
      alias: 'champion',
      from: '2',
      to: '3',
    });
  });
});

describe('entriesAbout (the promotion view)', () => {
  const records = recordsOf(
    aliasEvent('champion', null, '1'),
    aliasEvent('challenger', null, '2'),
    stageEvent(move('1', 'None', 'Production')),
    stageEvent(move('2', 'None', 'Staging')),
    stageEvent(move('3', 'Staging', 'Production'), move('1', 'Production', 'Archived')),
    aliasEvent('champion', '1', '3'),
  );
  // v3 left Production and @challenger moved, both outside Parallax.
  const now = state(
    { champion: '3', challenger: '4' },
    { 1: 'Archived', 2: 'Staging', 3: 'Archived', 4: 'None' },
  );
  const entries = timeline(records, now);
  const described = (list: typeof entries) =>
    list.map((e) => {
      const v = viewOf(e);
      const what =
        v.kind === 'alias' ? `@${v.alias} ${v.from}→${v.to}` : `v${v.version} ${v.from}→${v.to}`;
      return v.outside ? `outside ${what}` : what;
    });

  test("the alias's moves and the transitions into or out of the stage, newest first", () => {
    expect(described(entriesAbout(entries, { alias: 'champion', stage: 'Production' }))).toEqual([
      'outside v3 Production→Archived',
      '@champion 1→3',
      'v3 Staging→Production',
      'v1 None→Production',
      '@champion null→1',
    ]);
  });

  test('a transition counts for the versions it archived out of the stage too', () => {
    const archived = recordsOf(
      stageEvent(move('5', 'None', 'Staging'), move('2', 'Staging', 'Archived')),
    );
    const about = entriesAbout(timeline(archived, state({}, { 5: 'Staging', 2: 'Archived' })), {
      alias: 'champion',
      stage: 'Archived',
    });
    expect(described(about)).toEqual(['v5 None→Staging']);
  });

  test('without stages (Unity Catalog), only the alias', () => {
    expect(described(entriesAbout(entries, { alias: 'challenger', stage: undefined }))).toEqual([
      'outside @challenger 2→4',
      '@challenger null→2',
    ]);
  });

  test('every entry has its own key', () => {
    const keys = entries.map(entryKey);
    expect(new Set(keys).size).toBe(entries.length);
    expect(keys.slice(0, 2)).toEqual(['outside:v3', 'outside:@challenger']);
  });
});
