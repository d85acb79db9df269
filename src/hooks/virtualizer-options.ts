import { elementScroll } from '@tanstack/react-virtual';
import type { Rect, Virtualizer } from '@tanstack/react-virtual';

// Options for TanStack Virtual that keep a virtualized list from forcing a layout of the whole
// page inside the task that mounts it. That layout happens anyway in the next frame; done early, it
// turned the render that mounts a table into a long task.

/** The scroller's size from its ResizeObserver only (the default also reads getBoundingClientRect). */
export function observeRectWithoutLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
) {
  const el = instance.scrollElement;
  if (!el) return;
  const observer = new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (box) cb({ width: Math.round(box.width), height: Math.round(box.height) });
  });
  observer.observe(el);
  return () => observer.disconnect();
}

/**
 * Scrolls like the default, except for a write of 0 while the virtualizer already holds 0: the one
 * it makes as it attaches to a new scroller, which is at the top. Reading or writing a scroll
 * position needs an up-to-date layout.
 */
export function scrollUnlessAtTop(
  offset: number,
  options: { adjustments?: number; behavior?: ScrollBehavior },
  instance: Virtualizer<HTMLDivElement, Element>,
) {
  if (offset + (options.adjustments ?? 0) === 0 && instance.scrollOffset === 0) return;
  elementScroll(offset, options, instance);
}
