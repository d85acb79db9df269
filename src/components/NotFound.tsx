import type { ReactNode } from 'react';
import { MlflowError } from '@/api/errors';

interface NotFoundProps {
  /** What was asked for, e.g. "Experiment 42". */
  what: string;
  error?: unknown;
  /** A way back, usually a link. */
  children?: ReactNode;
}

/** A missing (or deleted-for-good) resource, with MLflow's own message. */
export function NotFound({ what, error, children }: NotFoundProps) {
  const code = error instanceof MlflowError ? error.errorCode : 'NOT_FOUND';
  const message = error instanceof Error ? error.message : `${what} does not exist.`;
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{what} not found</h1>
      <p>
        <code className="notice-code">{code}</code> {message}
      </p>
      {children}
    </section>
  );
}
