import * as Dialog from '@radix-ui/react-dialog';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { registryQueries } from '@/api/queries/registry';
import { ErrorNotice } from '@/components/ErrorNotice';
import { paths } from '@/lib/paths';
import {
  REGISTRATION_POLL,
  pollDelay,
  registrationState,
  shouldPollAgain,
} from '@/lib/registry/register';

/**
 * The new version until MLflow calls it ready or failed: model-versions/get asked again with a
 * growing wait, which the user can stop (the version stays, and MLflow finishes it alone).
 */
export function RegistrationProgress({ name, version }: { name: string; version: string }) {
  const [startedAt] = useState(() => Date.now());
  const [stopped, setStopped] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const query = useQuery({
    ...registryQueries.version(name, version),
    // Always asked once: the create answer may predate the registration's end.
    staleTime: 0,
    refetchInterval: (q) =>
      !stopped &&
      shouldPollAgain(registrationState(q.state.data?.status), q.state.dataUpdatedAt - startedAt)
        ? pollDelay(q.state.dataUpdateCount)
        : false,
  });
  // The form that had focus is gone: focus moves here, so the outcome is read out next.
  useEffect(() => rootRef.current?.focus(), []);

  const mv = query.data;
  const state = mv ? registrationState(mv.status) : undefined;
  const link = (
    <Link to={paths.modelVersion.href(name, version)}>
      Open version {version} of <span className="break-anywhere">{name}</span>
    </Link>
  );
  // The same clock as the polling's: the time of the last answer.
  const timedOut =
    state === 'pending' && query.dataUpdatedAt - startedAt >= REGISTRATION_POLL.giveUpAfterMs;

  return (
    <div ref={rootRef} tabIndex={-1} className="dialog-body register-progress">
      {query.isError ? (
        <ErrorNotice
          error={query.error}
          title={`Could not read version ${version}`}
          onRetry={() => void query.refetch()}
        />
      ) : state === 'ready' ? (
        <div role="status">
          <p>
            Version {version} of <strong className="break-anywhere">{name}</strong> is ready.
          </p>
          <p>{link}</p>
        </div>
      ) : state === 'failed' ? (
        <div role="alert" className="notice notice-error">
          <strong className="notice-title">MLflow could not register version {version}</strong>
          <code className="notice-code">FAILED_REGISTRATION</code>
          <p className="notice-message">{mv?.status_message || 'MLflow gave no reason.'}</p>
          <p>{link}</p>
        </div>
      ) : stopped || timedOut ? (
        <div role="status">
          <p>
            {stopped ? 'Stopped waiting.' : 'Still pending after five minutes.'} Version {version}{' '}
            stays pending until MLflow finishes registering it.
          </p>
          <p>{link}</p>
        </div>
      ) : (
        <p role="status" className="register-waiting">
          <span className="register-spinner" aria-hidden="true" />
          {state === 'pending'
            ? `MLflow is still registering version ${version}; asking again shortly…`
            : `Checking version ${version}…`}
        </p>
      )}
      <div className="dialog-actions">
        {state === 'pending' && !stopped && !timedOut && (
          <button type="button" className="btn" onClick={() => setStopped(true)}>
            Stop waiting
          </button>
        )}
        <Dialog.Close asChild>
          <button type="button" className="btn btn-primary">
            Close
          </button>
        </Dialog.Close>
      </div>
    </div>
  );
}
