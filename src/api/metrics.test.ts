import { afterEach, describe, expect, it, vi } from 'vitest';
import { getMetricsAtStep } from './metrics';
import { metricQueries } from './queries/metrics';

function stubFetch(body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
  });
  return calls;
}

const sent = (calls: { init: RequestInit }[]) => JSON.parse(String(calls[0]?.init.body)) as unknown;

describe('getMetricsAtStep', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('POSTs the choice in the URL spelling and restores NaN and ±Infinity as numbers', async () => {
    const calls = stubFetch({
      values: [
        {
          run_id: 'a',
          key: 'loss',
          found: true,
          step: 5,
          value: 'NaN',
          exact: true,
          asked_step: 5,
        },
        { run_id: 'a', key: 'acc', found: true, step: 3, value: 0.5, exact: false, asked_step: 5 },
        { run_id: 'b', key: 'loss', found: true, step: 5, value: 'Infinity', exact: true },
        { run_id: 'b', key: 'acc', found: true, step: 5, value: '-Infinity', exact: true },
        { run_id: 'c', key: 'loss', found: false, why: 'before-first', asked_step: 5 },
        {
          run_id: 'c',
          key: 'acc',
          found: false,
          why: 'missing',
          error_code: 'RESOURCE_DOES_NOT_EXIST',
          message: 'Run c not found',
        },
      ],
    });
    const values = await getMetricsAtStep({
      runIds: ['a', 'b', 'c'],
      keys: ['loss', 'acc'],
      at: { kind: 'step', step: 5 },
      referenceDirection: 'max',
    });
    expect(calls[0]?.url).toBe('/parallax/api/metrics-at-step');
    expect(calls[0]?.init.method).toBe('POST');
    // The direction only goes with a 'best' choice.
    expect(sent(calls)).toEqual({ run_ids: ['a', 'b', 'c'], keys: ['loss', 'acc'], at: 'step:5' });
    expect(values).toEqual([
      { runId: 'a', key: 'loss', found: true, step: 5, value: NaN, exact: true, askedStep: 5 },
      { runId: 'a', key: 'acc', found: true, step: 3, value: 0.5, exact: false, askedStep: 5 },
      { runId: 'b', key: 'loss', found: true, step: 5, value: Infinity, exact: true },
      { runId: 'b', key: 'acc', found: true, step: 5, value: -Infinity, exact: true },
      { runId: 'c', key: 'loss', found: false, why: 'before-first', askedStep: 5 },
      {
        runId: 'c',
        key: 'acc',
        found: false,
        why: 'missing',
        errorCode: 'RESOURCE_DOES_NOT_EXIST',
        message: 'Run c not found',
      },
    ]);
    expect(Number.isNaN(values[0]?.found && values[0].value)).toBe(true);
  });

  it('spells every choice as the server reads it', async () => {
    const at = async (choice: Parameters<typeof getMetricsAtStep>[0]['at']) => {
      const calls = stubFetch({ values: [] });
      await getMetricsAtStep({ runIds: ['a'], keys: ['k'], at: choice, referenceDirection: 'min' });
      return sent(calls) as { at: string; reference_direction?: string };
    };
    expect(await at({ kind: 'latest' })).toEqual({ run_ids: ['a'], keys: ['k'], at: 'latest' });
    expect((await at({ kind: 'min' })).at).toBe('min');
    expect((await at({ kind: 'max' })).at).toBe('max');
    expect((await at({ kind: 'step', step: -2 })).at).toBe('step:-2');
    expect(await at({ kind: 'best', metric: 'val/acc' })).toMatchObject({
      at: 'best:val/acc',
      reference_direction: 'min',
    });
  });

  it('asks nothing for no runs or no keys', async () => {
    const calls = stubFetch({ values: [] });
    expect(await getMetricsAtStep({ runIds: [], keys: ['k'], at: { kind: 'min' } })).toEqual([]);
    expect(await getMetricsAtStep({ runIds: ['a'], keys: [], at: { kind: 'min' } })).toEqual([]);
    expect(calls).toHaveLength(0);
  });
});

describe('metricQueries.atStep', () => {
  it('keys on the sets of runs and keys, and on the direction only for a best choice', () => {
    const key = (p: Parameters<typeof metricQueries.atStep>[0]) => metricQueries.atStep(p).queryKey;
    expect(key({ runIds: ['b', 'a'], keys: ['y', 'x'], at: { kind: 'min' } })).toEqual(
      key({
        runIds: ['a', 'b', 'a'],
        keys: ['x', 'y'],
        at: { kind: 'min' },
        referenceDirection: 'max',
      }),
    );
    expect(key({ runIds: ['a'], keys: ['x'], at: { kind: 'min' } }).slice(0, 2)).toEqual(
      metricQueries.atStepAll(),
    );
    const best = { runIds: ['a'], keys: ['x'], at: { kind: 'best', metric: 'acc' } } as const;
    expect(key({ ...best, referenceDirection: 'min' })).not.toEqual(
      key({ ...best, referenceDirection: 'max' }),
    );
  });
});
