import type { FastifyReply } from 'fastify';
import { AuthError } from './auth.ts';
import { UpstreamUnavailableError } from './upstream.ts';

/** Answers in MLflow's error shape, so the SPA's one error path handles ours too. */
export function sendError(
  reply: FastifyReply,
  status: number,
  errorCode: string,
  message: string,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ error_code: errorCode, message });
}

/** The 502 for MLflow out of reach or our own credential failing; undefined for any other error. */
export function sendUpstreamFailure(
  reply: FastifyReply,
  host: string,
  err: unknown,
): FastifyReply | undefined {
  if (err instanceof UpstreamUnavailableError) {
    return sendError(
      reply,
      502,
      'MLFLOW_UNAVAILABLE',
      `MLflow at ${host} is not reachable: ${err.reason}`,
    );
  }
  if (err instanceof AuthError) {
    const message = `Could not authenticate to MLflow: ${err.message}`;
    return sendError(reply, 502, 'UPSTREAM_AUTH_FAILED', message);
  }
  return undefined;
}
