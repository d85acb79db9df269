import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** How far outside the viewport an element counts as seen: its data arrives as it scrolls in. */
const MARGIN = '100px 0px';

const onSeen = new WeakMap<Element, () => void>();
let observer: IntersectionObserver | null = null;

/**
 * One observer for every element: a run page mounts a sparkline per metric row in view, and one
 * IntersectionObserver each would mean dozens of observers doing the same geometry every frame.
 */
function sharedObserver(): IntersectionObserver {
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) onSeen.get(entry.target)?.();
    },
    { rootMargin: MARGIN },
  );
  return observer;
}

/**
 * True once the element has come near the viewport, and from then on. The viewport is clipped by
 * every scrolling ancestor, so a table row scrolled out of its own scroller is not seen either.
 */
export function useSeen(ref: RefObject<Element | null>): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const obs = sharedObserver();
    const forget = () => {
      obs.unobserve(el);
      onSeen.delete(el);
    };
    onSeen.set(el, () => {
      forget();
      setSeen(true);
    });
    obs.observe(el);
    return forget;
  }, [ref, seen]);
  return seen;
}
