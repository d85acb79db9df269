interface SkeletonProps {
  rows?: number;
  label?: string;
}

/** Placeholder lines while data loads; announced once to screen readers. */
export function Skeleton({ rows = 5, label = 'Loading…' }: SkeletonProps) {
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton-line" style={{ width: `${90 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
