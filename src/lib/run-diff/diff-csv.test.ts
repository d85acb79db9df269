import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildRunDiff, filterRunDiff } from './diff-model';
import { neutralizeFormula, runColumnHeader, runDiffCsv } from './diff-csv';

const cell = (text: string) => ({ text, num: undefined });

describe('runDiffCsv', () => {
  it('writes a header of run names and ids, then one line per row, missing as empty', () => {
    const csv = runDiffCsv(
      [
        { runId: 'r1', name: 'baseline' },
        { runId: 'r2', name: 'r2' },
      ],
      [
        { id: 'params', rows: [{ key: 'lr', cells: [cell('0.1'), null] }] },
        { id: 'metrics', rows: [{ key: 'loss', cells: [cell('0.5'), cell('-0.25')] }] },
      ],
    );
    expect(csv).toBe('section,key,baseline (r1),r2\r\nparams,lr,0.1,\r\nmetrics,loss,0.5,-0.25');
  });

  it('quotes commas, quotes and newlines (RFC 4180)', () => {
    const csv = runDiffCsv(
      [{ runId: 'r1', name: 'a, "b"' }],
      [{ id: 'tags', rows: [{ key: 'note', cells: [cell('line 1\nline 2')] }] }],
    );
    expect(csv).toBe('section,key,"a, ""b"" (r1)"\r\ntags,note,"line 1\nline 2"');
  });

  it('neutralizes formulas in values, keys and run names', () => {
    const csv = runDiffCsv(
      [{ runId: 'r1', name: '=cmd|"/c calc"!A1' }],
      [
        {
          id: 'params',
          rows: [
            { key: '@SUM(A1)', cells: [cell('=HYPERLINK("http://evil","x")')] },
            { key: 'neg', cells: [cell('-0.5')] },
            { key: 'minus', cells: [cell('-2+3')] },
            { key: 'tab', cells: [cell('\t=1')] },
          ],
        },
      ],
    );
    expect(csv.split('\r\n')).toEqual([
      `section,key,"'=cmd|""/c calc""!A1 (r1)"`,
      `params,"'@SUM(A1)","'=HYPERLINK(""http://evil"",""x"")"`,
      'params,neg,-0.5',
      `params,minus,"'-2+3"`,
      `params,tab,"'\t=1"`,
    ]);
  });

  it('exports the filtered diff and reads back cell for cell', () => {
    const diff = buildRunDiff([
      {
        runId: 'a',
        experimentId: '1',
        status: 'FINISHED',
        startTime: undefined,
        durationMs: undefined,
        user: undefined,
        params: new Map([
          ['same', '1'],
          ['lr', '0.1'],
          ['opt', "{'name': 'adam'}"],
        ]),
        metrics: new Map([['loss', { value: NaN }]]),
        tags: new Map(),
      },
      {
        runId: 'b',
        experimentId: '1',
        status: 'FINISHED',
        startTime: undefined,
        durationMs: undefined,
        user: undefined,
        params: new Map([
          ['same', '1'],
          ['lr', '0.2'],
        ]),
        metrics: new Map([['loss', { value: -Infinity }]]),
        tags: new Map(),
      },
    ]);
    const shown = filterRunDiff(diff, { differencesOnly: true, search: '' });
    const csv = runDiffCsv(
      [
        { runId: 'a', name: 'A' },
        { runId: 'b', name: 'B' },
      ],
      shown,
    );
    const parsed = Papa.parse<string[]>(csv).data;
    expect(parsed).toEqual([
      ['section', 'key', 'A (a)', 'B (b)'],
      // Both vary over two values; lr has a spread, opt.name differs only by being missing.
      ['params', 'lr', '0.1', '0.2'],
      ['params', 'opt.name', 'adam', ''],
      ['metrics', 'loss', 'NaN', "'-Infinity"],
    ]);
  });

  it('writes only the header for an empty diff', () => {
    expect(runDiffCsv([{ runId: 'a', name: '' }], [])).toBe('section,key,a');
  });
});

describe('neutralizeFormula', () => {
  it('prefixes the characters OWASP lists, but not plain numbers', () => {
    expect(['=1', '+A1', '-A1', '@x', '\tx', '\rx'].map(neutralizeFormula)).toEqual([
      "'=1",
      "'+A1",
      "'-A1",
      "'@x",
      "'\tx",
      "'\rx",
    ]);
    expect(['-1', '+2', '-1.5e-3', 'a=b', ' =1', '', 'x'].map(neutralizeFormula)).toEqual([
      '-1',
      '+2',
      '-1.5e-3',
      'a=b',
      ' =1',
      '',
      'x',
    ]);
  });
});

describe('runColumnHeader', () => {
  it('names the run by name and id, or by id alone', () => {
    expect(runColumnHeader({ runId: 'abc', name: 'big-lr' })).toBe('big-lr (abc)');
    expect(runColumnHeader({ runId: 'abc', name: 'abc' })).toBe('abc');
    expect(runColumnHeader({ runId: 'abc', name: '' })).toBe('abc');
  });
});
