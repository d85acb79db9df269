// Reordering the chosen metric / param / tag columns: by dragging a header, or one step at a time.
import { runFieldId } from './run-sort';
import type { ColumnChoice } from './runs-view-state';

export type DropSide = 'before' | 'after';

const idOf = (c: ColumnChoice) => runFieldId(c.kind, c.key);

/**
 * The chosen columns with `fromId` moved just before or after `toId`. Pinned and unpinned columns
 * are shown as two separate groups, so a move across groups (or to an unknown id) changes nothing
 * and returns the same array.
 */
export function moveColumn(
  chosen: readonly ColumnChoice[],
  fromId: string,
  toId: string,
  side: DropSide,
): readonly ColumnChoice[] {
  const from = chosen.findIndex((c) => idOf(c) === fromId);
  const to = chosen.findIndex((c) => idOf(c) === toId);
  const moving = chosen[from];
  if (!moving || to === -1 || from === to || moving.pinned !== chosen[to]?.pinned) return chosen;
  const rest = chosen.filter((_, i) => i !== from);
  const target = rest.findIndex((c) => idOf(c) === toId);
  const at = side === 'before' ? target : target + 1;
  const next = [...rest.slice(0, at), moving, ...rest.slice(at)];
  return next.every((c, i) => c === chosen[i]) ? chosen : next;
}

/**
 * The chosen columns with `id` moved one place left (-1) or right (+1) within its group: past the
 * nearest column of the same group. At the group's edge nothing changes (the same array).
 */
export function stepColumn(
  chosen: readonly ColumnChoice[],
  id: string,
  delta: -1 | 1,
): readonly ColumnChoice[] {
  const from = chosen.findIndex((c) => idOf(c) === id);
  const moving = chosen[from];
  if (!moving) return chosen;
  for (let i = from + delta; i >= 0 && i < chosen.length; i += delta) {
    const other = chosen[i];
    if (other?.pinned === moving.pinned)
      return moveColumn(chosen, id, idOf(other), delta < 0 ? 'before' : 'after');
  }
  return chosen;
}
