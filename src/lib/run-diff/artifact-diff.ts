// The same artifact in two runs as a unified line diff: jsdiff finds which lines were added and
// removed, and this shapes its answer for the view (hunks of changes with context lines around
// them, each line numbered on the side(s) it belongs to, and how many lines were added / removed).
import { diffArrays } from 'diff';

export type DiffLineKind = 'context' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffLineKind;
  /** 1-based line number in the old (left) text; undefined for an added line. */
  oldLine: number | undefined;
  /** 1-based line number in the new (right) text; undefined for a removed line. */
  newLine: number | undefined;
  text: string;
}

/** A run of changes with its context, numbered as `@@ -oldStart,oldCount +newStart,newCount @@`. */
export interface DiffHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
  lines: DiffLine[];
}

export interface TextDiff {
  hunks: DiffHunk[];
  added: number;
  removed: number;
  /** One text ends with a newline and the other does not (invisible in the lines themselves). */
  finalNewlineDiffers: boolean;
  /** One text has CRLF line ends and the other does not (lines are compared without them). */
  lineEndingsDiffer: boolean;
}

export interface TextDiffOptions {
  /** Unchanged lines shown before and after each change (3, as `diff -u` and git show). */
  context?: number;
  /** Gives up (answers undefined) past this many milliseconds, for large, very different texts. */
  timeoutMs?: number;
}

/** The lines of a text: LF or CRLF ends, and a final line end does not start another line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The line diff of two texts, or undefined when it took longer than `timeoutMs`. */
export function textDiff(
  oldText: string,
  newText: string,
  { context = 3, timeoutMs }: TextDiffOptions = {},
): TextDiff | undefined {
  const changes =
    timeoutMs === undefined
      ? diffArrays(splitLines(oldText), splitLines(newText))
      : diffArrays(splitLines(oldText), splitLines(newText), { timeout: timeoutMs });
  if (!changes) return undefined;
  const lines: DiffLine[] = [];
  let oldLine = 0;
  let newLine = 0;
  let added = 0;
  let removed = 0;
  for (const change of changes) {
    for (const text of change.value) {
      if (change.added) {
        lines.push({ kind: 'added', oldLine: undefined, newLine: ++newLine, text });
        added++;
      } else if (change.removed) {
        lines.push({ kind: 'removed', oldLine: ++oldLine, newLine: undefined, text });
        removed++;
      } else {
        lines.push({ kind: 'context', oldLine: ++oldLine, newLine: ++newLine, text });
      }
    }
  }
  const endsWithNewline = (text: string) => text.endsWith('\n');
  return {
    hunks: toHunks(lines, Math.max(0, context)),
    added,
    removed,
    finalNewlineDiffers:
      oldText !== '' && newText !== '' && endsWithNewline(oldText) !== endsWithNewline(newText),
    lineEndingsDiffer: oldText.includes('\r\n') !== newText.includes('\r\n'),
  };
}

/** Groups numbered lines into hunks: changes closer than twice the context share one hunk. */
function toHunks(lines: readonly DiffLine[], context: number): DiffHunk[] {
  const changed: number[] = [];
  lines.forEach((line, i) => {
    if (line.kind !== 'context') changed.push(i);
  });
  const hunks: DiffHunk[] = [];
  let i = 0;
  while (i < changed.length) {
    const first = changed[i] ?? 0;
    let last = first;
    // The next change joins this hunk when its leading context would touch this one's trailing context.
    while (i + 1 < changed.length && (changed[i + 1] ?? 0) - context <= last + context + 1) {
      last = changed[++i] ?? last;
    }
    i++;
    const start = Math.max(0, first - context);
    const end = Math.min(lines.length - 1, last + context);
    hunks.push(hunkOf(lines, start, end));
  }
  return hunks;
}

function hunkOf(lines: readonly DiffLine[], start: number, end: number): DiffHunk {
  const slice = lines.slice(start, end + 1);
  // Lines of each side before the hunk: the numbers of the last line of each side above it.
  let oldBefore = 0;
  let newBefore = 0;
  for (let i = start - 1; i >= 0 && (oldBefore === 0 || newBefore === 0); i--) {
    const line = lines[i];
    if (oldBefore === 0 && line?.oldLine !== undefined) oldBefore = line.oldLine;
    if (newBefore === 0 && line?.newLine !== undefined) newBefore = line.newLine;
  }
  const oldCount = slice.filter((l) => l.oldLine !== undefined).length;
  const newCount = slice.filter((l) => l.newLine !== undefined).length;
  // As `diff -u`: a side with no lines in the hunk names the line after which the change goes.
  return {
    oldStart: oldCount > 0 ? oldBefore + 1 : oldBefore,
    oldCount,
    newStart: newCount > 0 ? newBefore + 1 : newBefore,
    newCount,
    lines: slice,
  };
}

/** `@@ -1,7 +1,8 @@`, the hunk's place in both texts. */
export function hunkHeader(hunk: DiffHunk): string {
  return `@@ -${hunk.oldStart},${hunk.oldCount} +${hunk.newStart},${hunk.newCount} @@`;
}

/**
 * At most `maxLines` lines of the hunks, in order (the last hunk kept may be cut short), and how
 * many lines were left out, so a huge diff never puts tens of thousands of rows in the page.
 */
export function firstLines(
  hunks: readonly DiffHunk[],
  maxLines: number,
): { hunks: DiffHunk[]; hiddenLines: number } {
  const kept: DiffHunk[] = [];
  let room = Math.max(0, maxLines);
  let hiddenLines = 0;
  for (const hunk of hunks) {
    if (room === 0) {
      hiddenLines += hunk.lines.length;
    } else if (hunk.lines.length <= room) {
      kept.push(hunk);
      room -= hunk.lines.length;
    } else {
      kept.push({ ...hunk, lines: hunk.lines.slice(0, room) });
      hiddenLines += hunk.lines.length - room;
      room = 0;
    }
  }
  return { hunks: kept, hiddenLines };
}
