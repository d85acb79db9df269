import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * The element's content width, following resizes; 0 before the first layout. Read only through
 * the ResizeObserver, which reports after the browser's own layout: reading `clientWidth` here
 * would force a layout of the whole page inside the task that mounts the chart.
 */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[0];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
