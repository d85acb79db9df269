/**
 * An MLflow (or Parallax server) failure as a value: the HTTP status, MLflow's `error_code`, and its
 * message. Plain-text bodies (MLflow's security middleware, disabled endpoints) keep their text.
 */
export class MlflowError extends Error {
  readonly status: number;
  readonly errorCode: string;

  constructor(status: number, errorCode: string, message: string) {
    super(message);
    this.name = 'MlflowError';
    this.status = status;
    this.errorCode = errorCode;
  }

  get notFound(): boolean {
    return this.status === 404 || this.errorCode === 'RESOURCE_DOES_NOT_EXIST';
  }

  /** MLflow itself cannot be reached (our server answers 502 MLFLOW_UNAVAILABLE, or the fetch failed). */
  get unavailable(): boolean {
    return this.errorCode === 'MLFLOW_UNAVAILABLE' || this.errorCode === 'NETWORK_ERROR';
  }
}

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'RESOURCE_CONFLICT',
  429: 'REQUEST_LIMIT_EXCEEDED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

/** Builds the error for a non-2xx response from its status, content type and body text. */
export function errorFromResponse(
  status: number,
  contentType: string | null,
  body: string,
): MlflowError {
  const fallbackCode = STATUS_CODES[status] ?? `HTTP_${status}`;
  if (contentType?.includes('json') || body.trimStart().startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (parsed && typeof parsed === 'object') {
        const rec = parsed as Record<string, unknown>;
        const code = typeof rec.error_code === 'string' ? rec.error_code : fallbackCode;
        const message = typeof rec.message === 'string' ? rec.message : body;
        return new MlflowError(status, code, message || `HTTP ${status}`);
      }
    } catch {
      // not JSON after all: fall through to the text form
    }
  }
  const text = body.trim().slice(0, 2000);
  return new MlflowError(status, fallbackCode, text || `HTTP ${status}`);
}

/** How much of an unexpected body an error quotes: enough to recognise a sign-in page. */
const QUOTED_CHARS = 80;

/**
 * A 2xx answer that is not the JSON MLflow sends, most often an HTML sign-in or error page from a
 * proxy that answered in MLflow's place. Names the content type and quotes the first bytes (as
 * text; the UI never renders it as HTML), rather than surfacing JSON.parse's SyntaxError.
 */
export function invalidResponse(
  status: number,
  contentType: string | null,
  body: string,
): MlflowError {
  const start = body.trim().replace(/\s+/g, ' ');
  const quoted = start.length > QUOTED_CHARS ? `${start.slice(0, QUOTED_CHARS)}…` : start;
  const type = contentType ?? 'no content type';
  return new MlflowError(
    status,
    'INVALID_RESPONSE',
    `Expected JSON from MLflow but got ${type} (HTTP ${status}) starting “${quoted}”. A proxy or sign-in page may have answered in MLflow's place.`,
  );
}
