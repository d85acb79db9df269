import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

/**
 * Renders its children once the slot scrolls near the viewport, and keeps them after: charts
 * below the fold cost nothing until seen (MLflow fetches only in-viewport cards too).
 */
export function LazyChart({ height, children }: { height: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setSeen(true);
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [seen]);
  return (
    <div ref={ref} className="metric-chart-slot" style={seen ? undefined : { minHeight: height }}>
      {seen && children}
    </div>
  );
}
