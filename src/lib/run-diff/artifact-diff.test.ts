import { describe, expect, it } from 'vitest';
import { firstLines, hunkHeader, splitLines, textDiff } from './artifact-diff';
import type { DiffHunk, DiffLine } from './artifact-diff';

const ctx = (oldLine: number, newLine: number, text: string): DiffLine => ({
  kind: 'context',
  oldLine,
  newLine,
  text,
});
const del = (oldLine: number, text: string): DiffLine => ({
  kind: 'removed',
  oldLine,
  newLine: undefined,
  text,
});
const add = (newLine: number, text: string): DiffLine => ({
  kind: 'added',
  oldLine: undefined,
  newLine,
  text,
});
/** "1\n2\n…\nn\n" with the lines in `changed` spelled with a trailing x. */
const numbered = (n: number, changed: number[] = []) =>
  Array.from({ length: n }, (_, i) => `${i + 1}${changed.includes(i + 1) ? 'x' : ''}\n`).join('');
const headers = (hunks: readonly DiffHunk[]) => hunks.map(hunkHeader);

describe('splitLines', () => {
  it('splits on LF and CRLF; a final line end starts no line', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('a\r\nb')).toEqual(['a', 'b']);
  });
});

describe('textDiff', () => {
  it('numbers each line on its side(s), with three lines of context', () => {
    const diff = textDiff('a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nD\ne\nf\ng\nh\n');
    expect(diff?.added).toBe(1);
    expect(diff?.removed).toBe(1);
    expect(diff?.hunks).toEqual([
      {
        oldStart: 1,
        oldCount: 7,
        newStart: 1,
        newCount: 7,
        lines: [
          ctx(1, 1, 'a'),
          ctx(2, 2, 'b'),
          ctx(3, 3, 'c'),
          del(4, 'd'),
          add(4, 'D'),
          ctx(5, 5, 'e'),
          ctx(6, 6, 'f'),
          ctx(7, 7, 'g'),
        ],
      },
    ]);
  });

  it('keeps changes far apart in separate hunks', () => {
    const diff = textDiff(numbered(20), numbered(20, [2, 18]));
    expect(headers(diff?.hunks ?? [])).toEqual(['@@ -1,5 +1,5 @@', '@@ -15,6 +15,6 @@']);
    expect(diff?.hunks[1]?.lines).toEqual([
      ctx(15, 15, '15'),
      ctx(16, 16, '16'),
      ctx(17, 17, '17'),
      del(18, '18'),
      add(18, '18x'),
      ctx(19, 19, '19'),
      ctx(20, 20, '20'),
    ]);
  });

  it('joins changes six unchanged lines apart, and not seven', () => {
    // Lines 4…9 between the changes: their contexts meet.
    expect(headers(textDiff(numbered(12), numbered(12, [3, 10]))?.hunks ?? [])).toEqual([
      '@@ -1,12 +1,12 @@',
    ]);
    // Lines 4…10 between them: one line (7) belongs to neither context.
    expect(headers(textDiff(numbered(14), numbered(14, [3, 11]))?.hunks ?? [])).toEqual([
      '@@ -1,6 +1,6 @@',
      '@@ -8,7 +8,7 @@',
    ]);
  });

  it('counts added and removed lines over all hunks', () => {
    const diff = textDiff('a\nb\nc\n', 'a\nx\ny\nc\nz\n');
    expect(diff?.added).toBe(3);
    expect(diff?.removed).toBe(1);
  });

  it('names the line after which an insertion goes when a side has no lines in the hunk', () => {
    const diff = textDiff('a\nc\n', 'a\nb\nc\n', { context: 0 });
    expect(diff?.hunks).toEqual([
      { oldStart: 1, oldCount: 0, newStart: 2, newCount: 1, lines: [add(2, 'b')] },
    ]);
    expect(headers(textDiff('', 'x\n')?.hunks ?? [])).toEqual(['@@ -0,0 +1,1 @@']);
    expect(headers(textDiff('x\ny\n', '')?.hunks ?? [])).toEqual(['@@ -1,2 +0,0 @@']);
    expect(headers(textDiff('b\nc\n', 'a\nb\nc\n')?.hunks ?? [])).toEqual(['@@ -1,2 +1,3 @@']);
  });

  it('finds no hunks in equal texts, and says what the lines cannot show', () => {
    expect(textDiff('a\nb\n', 'a\nb\n')).toEqual({
      hunks: [],
      added: 0,
      removed: 0,
      finalNewlineDiffers: false,
      lineEndingsDiffer: false,
    });
    expect(textDiff('a\nb', 'a\nb\n')).toMatchObject({ hunks: [], finalNewlineDiffers: true });
    expect(textDiff('a\r\nb\r\n', 'a\nb\n')).toMatchObject({
      hunks: [],
      lineEndingsDiffer: true,
      finalNewlineDiffers: false,
    });
  });

  it('answers the same with a time limit it stays within', () => {
    const old = numbered(50);
    const next = numbered(50, [7, 30]);
    expect(textDiff(old, next, { timeoutMs: 10_000 })).toEqual(textDiff(old, next));
  });
});

describe('firstLines', () => {
  const hunks = textDiff(numbered(30), numbered(30, [5, 25]))?.hunks ?? [];

  it('keeps whole hunks while they fit and cuts the one that does not', () => {
    expect(hunks.map((h) => h.lines.length)).toEqual([8, 8]);
    const cut = firstLines(hunks, 10);
    expect(cut.hunks.map((h) => h.lines.length)).toEqual([8, 2]);
    expect(cut.hiddenLines).toBe(6);
    // The cut hunk keeps its header: it still says where the hunk lies.
    expect(cut.hunks[1] && hunkHeader(cut.hunks[1])).toBe('@@ -22,7 +22,7 @@');
  });

  it('keeps everything under the limit, and nothing at 0', () => {
    expect(firstLines(hunks, 16)).toEqual({ hunks, hiddenLines: 0 });
    expect(firstLines(hunks, 0)).toEqual({ hunks: [], hiddenLines: 16 });
  });
});
