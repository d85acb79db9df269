import { useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import type { DropSide } from '@/lib/column-order';

export interface ColumnDrag {
  from: string;
  over?: { id: string; side: DropSide };
}

/** Pointer travel before a press on a header becomes a drag (below it, it is a click: sort). */
const DRAG_THRESHOLD = 5;
/** Pointer distance from the scroll box's edge that scrolls it sideways during a drag. */
const EDGE = 40;

/**
 * Reordering columns by dragging a header onto another of the same group (pinned or not). The
 * window listeners exist only during a drag; the drop target is found from the header cells in
 * view (a few dozen at most) once per animation frame.
 */
export function useColumnDrag(
  scrollRef: RefObject<HTMLDivElement | null>,
  onDrop: (from: string, to: string, side: DropSide) => void,
) {
  const [drag, setDrag] = useState<ColumnDrag | null>(null);

  const startMove = (e: ReactPointerEvent<HTMLElement>, id: string, group: string) => {
    if (e.button !== 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const scroller = scrollRef.current;
    if (!scroller) return;
    const startX = e.clientX;
    const startY = e.clientY;
    let x = startX;
    let dragging = false;
    let frame = 0;
    let over: ColumnDrag['over'];

    const targetAt = (px: number): ColumnDrag['over'] => {
      let hit: HTMLElement | undefined;
      for (const th of scroller.querySelectorAll<HTMLElement>('thead th[data-column-id]')) {
        const r = th.getBoundingClientRect();
        // Sticky headers are painted over the columns scrolled beneath them, so they win.
        if (px >= r.left && px < r.right && (!hit || th.classList.contains('is-sticky'))) hit = th;
      }
      const to = hit?.dataset.columnId;
      if (!hit || !to || to === id || hit.dataset.moveGroup !== group) return undefined;
      const r = hit.getBoundingClientRect();
      return { id: to, side: px < r.left + r.width / 2 ? 'before' : 'after' };
    };

    const tick = () => {
      frame = 0;
      const box = scroller.getBoundingClientRect();
      // Pinned columns never scroll; the others scroll beneath the sticky ones on the left.
      let left = box.left;
      for (const th of scroller.querySelectorAll('thead th.is-sticky'))
        left = Math.max(left, th.getBoundingClientRect().right);
      const edge = group === 'pinned' ? 0 : x > box.right - EDGE ? 1 : x < left + EDGE ? -1 : 0;
      if (edge !== 0) scroller.scrollLeft += edge * 16;
      const next = targetAt(x);
      if (next?.id !== over?.id || next?.side !== over?.side) {
        over = next;
        setDrag({ from: id, over });
      }
      // Keep scrolling while the pointer rests at an edge.
      if (edge !== 0) frame = requestAnimationFrame(tick);
    };

    const onMove = (ev: PointerEvent) => {
      x = ev.clientX;
      if (!dragging) {
        if (Math.hypot(ev.clientX - startX, ev.clientY - startY) < DRAG_THRESHOLD) return;
        dragging = true;
        document.documentElement.classList.add('runs-dragging');
        window.getSelection()?.removeAllRanges();
        setDrag({ from: id });
      }
      if (!frame) frame = requestAnimationFrame(tick);
    };
    const finish = (drop: boolean) => {
      cancelAnimationFrame(frame);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('pointercancel', onCancel);
      window.removeEventListener('keydown', onKey, true);
      if (!dragging) return;
      document.documentElement.classList.remove('runs-dragging');
      // The click that ends a drag must not also sort by the header it was released on.
      const swallow = (ev: MouseEvent) => {
        ev.stopPropagation();
        ev.preventDefault();
      };
      window.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
      const target = drop ? targetAt(x) : undefined;
      setDrag(null);
      if (target) onDrop(id, target.id, target.side);
    };
    const onUp = () => finish(true);
    const onCancel = () => finish(false);
    const onKey = (ev: KeyboardEvent) => {
      if (ev.key !== 'Escape' || !dragging) return;
      ev.preventDefault();
      ev.stopPropagation();
      finish(false);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('pointercancel', onCancel);
    window.addEventListener('keydown', onKey, true);
  };

  return { drag, startMove };
}
