import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** The way forward: a hint, a button or a link. */
  children?: ReactNode;
}

export function EmptyState({ title, children }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <p className="empty-state-title">{title}</p>
      {children && <div className="empty-state-body">{children}</div>}
    </div>
  );
}
