import { useDeferredValue } from 'react';
import type { ReactNode } from 'react';

/**
 * Renders `fallback` first and `children` in a background render right after: React renders a
 * deferred value's update in a transition, which it splits into ~5 ms slices between which the
 * browser paints and handles input. Without it, the sections below the fold mounted in the same
 * task as the content above it when the data arrived, one main-thread task of 150–200 ms.
 */
export function Deferred({
  children,
  fallback = null,
}: {
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const ready = useDeferredValue(true, false);
  return ready ? children : fallback;
}
