import { describe, expect, it } from 'vitest';
import type { EffectiveDirection } from '../metric-direction';
import {
  againstLabel,
  againstParam,
  changeText,
  metricRows,
  parseAgainst,
  PartialPromotion,
  promote,
  promotionOffer,
  promotionPlan,
  resolveChampion,
} from './promotion';

// The demo's churn classifier: v1 and v2 archived, v3 in Production (@champion), v4 in Staging
// (@challenger).
const VERSIONS = [
  { version: '1', current_stage: 'Archived', aliases: [] },
  { version: '2', current_stage: 'Archived', aliases: [] },
  { version: '3', current_stage: 'Production', aliases: ['champion'] },
  { version: '4', current_stage: 'Staging', aliases: ['challenger'] },
];
const ALIASES = [
  { alias: 'champion', version: '3' },
  { alias: 'challenger', version: '4' },
];

describe('the against parameter', () => {
  it('reads alias, stage and version choices and writes them back', () => {
    for (const param of ['alias:champion', 'stage:Production', 'version:12', 'alias:a:b'])
      expect(againstParam(parseAgainst(param) ?? { kind: 'version', version: 'x' })).toBe(param);
  });

  it('ignores what it cannot read, so the default applies', () => {
    for (const param of [null, '', 'champion', 'alias:', 'stage:Prod', 'version:v3', 'run:1'])
      expect(parseAgainst(param)).toBeUndefined();
  });

  it('names each choice for people', () => {
    expect(againstLabel({ kind: 'alias', alias: 'champion' })).toBe('@champion');
    expect(againstLabel({ kind: 'stage', stage: 'Production' })).toBe('the Production stage');
    expect(againstLabel({ kind: 'version', version: '3' })).toBe('v3');
  });
});

describe('resolveChampion', () => {
  it('defaults to @champion, else the newest Production version, else nothing', () => {
    expect(resolveChampion(undefined, VERSIONS, ALIASES, true)).toEqual({
      against: { kind: 'alias', alias: 'champion' },
      chosen: false,
      version: '3',
    });
    const staged = [...VERSIONS, { version: '5', current_stage: 'Production' }];
    expect(resolveChampion(undefined, staged, [], true)).toEqual({
      against: { kind: 'stage', stage: 'Production' },
      chosen: false,
      version: '5',
    });
    expect(resolveChampion(undefined, [{ version: '1' }], [], true).version).toBeUndefined();
  });

  it('never looks at stages where the registry has none', () => {
    expect(resolveChampion(undefined, VERSIONS, [], false)).toEqual({
      against: { kind: 'alias', alias: 'champion' },
      chosen: false,
      version: undefined,
    });
  });

  it("follows the URL's choice, even when it finds no version", () => {
    expect(resolveChampion(parseAgainst('alias:challenger'), VERSIONS, ALIASES, true).version).toBe(
      '4',
    );
    expect(resolveChampion(parseAgainst('stage:Archived'), VERSIONS, ALIASES, true).version).toBe(
      '2',
    );
    expect(resolveChampion(parseAgainst('version:1'), VERSIONS, ALIASES, true).version).toBe('1');
    expect(resolveChampion(parseAgainst('version:9'), VERSIONS, ALIASES, true)).toEqual({
      against: { kind: 'version', version: '9' },
      chosen: true,
      version: undefined,
    });
  });
});

describe('promotionOffer', () => {
  const v3 = VERSIONS[2];

  it('moves the alias and the stage the champion holds', () => {
    expect(promotionOffer({ kind: 'alias', alias: 'champion' }, v3, true)).toEqual({
      alias: 'champion',
      stage: 'Production',
      defaults: { alias: 'champion', stage: 'Production' },
    });
  });

  it('offers no stage change where the registry has no stages', () => {
    expect(promotionOffer({ kind: 'alias', alias: 'champion' }, v3, false).defaults).toEqual({
      alias: 'champion',
      stage: undefined,
    });
  });

  it('chosen by stage, moves the stage; the alias only if the champion holds it', () => {
    expect(promotionOffer({ kind: 'stage', stage: 'Staging' }, VERSIONS[3], true)).toEqual({
      alias: 'champion',
      stage: 'Staging',
      defaults: { alias: undefined, stage: 'Staging' },
    });
    expect(promotionOffer({ kind: 'version', version: '3' }, v3, true).defaults).toEqual({
      alias: 'champion',
      stage: 'Production',
    });
  });

  it('without a champion, proposes nothing by default', () => {
    expect(promotionOffer(undefined, undefined, true).defaults).toEqual({
      alias: undefined,
      stage: undefined,
    });
  });
});

describe('promotionPlan', () => {
  it('lists the alias move, the stage change and every version archived', () => {
    const versions = [...VERSIONS, { version: '5', current_stage: 'Production' }];
    const plan = promotionPlan('4', { alias: 'champion', stage: 'Production' }, versions, ALIASES);
    expect(plan.changes.map(changeText)).toEqual([
      'alias champion: v3 → v4',
      'v4: Staging → Production',
      'v5: Production → Archived',
      'v3: Production → Archived',
    ]);
    expect(plan.writes).toEqual({ alias: 'champion', stage: 'Production', aliasHolder: '3' });
  });

  it('leaves out what is already so (a second attempt after a partial failure)', () => {
    const after = [
      { version: '3', current_stage: 'Archived' },
      { version: '4', current_stage: 'Production' },
    ];
    const plan = promotionPlan('4', { alias: 'champion', stage: 'Production' }, after, ALIASES);
    expect(plan.changes.map(changeText)).toEqual(['alias champion: v3 → v4']);
    expect(plan.writes).toEqual({ alias: 'champion', stage: undefined, aliasHolder: '3' });
    expect(
      promotionPlan('4', { alias: 'challenger', stage: undefined }, VERSIONS, ALIASES).changes,
    ).toEqual([]);
  });

  it('sets a new alias, and archives others even when the candidate is in the stage already', () => {
    const both = [
      { version: '1', current_stage: 'Production' },
      { version: '2', current_stage: 'Production' },
    ];
    const plan = promotionPlan('2', { alias: 'prod', stage: 'Production' }, both, []);
    expect(plan.changes.map(changeText)).toEqual([
      'alias prod: none → v2',
      'v1: Production → Archived',
    ]);
    expect(plan.writes).toEqual({ alias: 'prod', stage: 'Production', aliasHolder: null });
  });
});

describe('metricRows', () => {
  const guess = (key: string): EffectiveDirection => ({
    direction: key.includes('loss') ? 'min' : key.includes('auc') ? 'max' : 'neutral',
    source: 'guess',
  });
  const run = (entries: [string, number][]) =>
    new Map(entries.map(([k, value]) => [k, { value }] as const));

  it('gives each metric the candidate’s delta against the champion, judged by direction', () => {
    const rows = metricRows(
      run([
        ['val_loss', 0.4],
        ['roc_auc', 0.8],
        ['epochs', 10],
      ]),
      run([
        ['val_loss', 0.3],
        ['roc_auc', 0.78],
        ['epochs', 12],
        ['f1', 0.7],
      ]),
      guess,
    );
    expect(rows.map((r) => [r.key, r.delta.verdict])).toEqual([
      ['epochs', 'neutral'],
      ['f1', 'incomparable'],
      ['roc_auc', 'worse'],
      ['val_loss', 'better'],
    ]);
    expect(rows[3]?.delta.absolute).toBeCloseTo(-0.1);
    expect(rows[3]?.delta.relative).toBeCloseTo(-0.25);
    expect(rows[1]).toMatchObject({ champion: undefined, candidate: 0.7 });
  });

  it('shows one side alone when the other run is missing', () => {
    const rows = metricRows(undefined, run([['val_loss', 0.3]]), guess);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.delta.verdict).toBe('incomparable');
  });
});

describe('promote', () => {
  const writers = (failOn?: 'transition' | 'setAlias') => {
    const calls: string[] = [];
    const call = (name: 'transition' | 'setAlias', ...args: string[]) => {
      calls.push(`${name}(${args.join(', ')})`);
      return name === failOn ? Promise.reject(new Error(`${name} refused`)) : Promise.resolve(name);
    };
    return {
      calls,
      writers: {
        transition: (version: string, stage: string) => call('transition', version, stage),
        setAlias: (alias: string, version: string, holder: string | null) =>
          call('setAlias', alias, version, String(holder)),
      },
    };
  };

  const both = { alias: 'champion', stage: 'Production', aliasHolder: '3' } as const;

  it('moves the stage first and the alias last, if its holder is still the one shown', async () => {
    const w = writers();
    expect(await promote('4', both, w.writers)).toEqual(['transition', 'setAlias']);
    expect(w.calls).toEqual(['transition(4, Production)', 'setAlias(champion, 4, 3)']);
  });

  it('makes only the writes the plan asks for', async () => {
    const w = writers();
    await promote('4', { ...both, stage: undefined, aliasHolder: null }, w.writers);
    expect(w.calls).toEqual(['setAlias(champion, 4, null)']);
  });

  it('does not move the alias when the stage change fails, and throws that failure as it is', async () => {
    const w = writers('transition');
    const failure = await promote('4', both, w.writers).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(PartialPromotion);
    expect(failure).toHaveProperty('message', 'transition refused');
    expect(w.calls).toEqual(['transition(4, Production)']);
  });

  it('says what went through when the alias fails after the stage change', async () => {
    const w = writers('setAlias');
    const failure = await promote('4', both, w.writers).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PartialPromotion);
    expect((failure as PartialPromotion).done).toEqual(['v4 moved to Production']);
    expect((failure as PartialPromotion).cause).toHaveProperty('message', 'setAlias refused');
  });
});
