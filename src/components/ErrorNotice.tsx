import { MlflowError } from '@/api/errors';

interface ErrorNoticeProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** Shows MLflow's error_code and message (as text, never HTML), with an optional retry. */
export function ErrorNotice({ error, title = 'Something went wrong', onRetry }: ErrorNoticeProps) {
  const code = error instanceof MlflowError ? error.errorCode : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="notice notice-error">
      <strong className="notice-title">{title}</strong>
      {code && <code className="notice-code">{code}</code>}
      <p className="notice-message">{message}</p>
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
