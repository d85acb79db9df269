import type { ModelVersion } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { signatureCompat, type VersionMlModel } from '@/lib/registry/signature';
import { SchemaChangesTable } from './SchemaChangesTable';
import { useVersionMlModel } from './useVersionMlModel';

const signatureOf = (read: VersionMlModel | undefined) =>
  read?.state === 'read' ? read.signature : undefined;

/**
 * Can the candidate take the champion's place for the champion's callers? Its signature's inputs
 * against the champion's, each removal or retype flagged as breaking; outputs and params changes
 * are listed without a verdict.
 */
export function SignatureCompatSection({
  champion,
  candidate,
}: {
  champion: ModelVersion | undefined;
  candidate: ModelVersion;
}) {
  const before = useVersionMlModel(champion);
  const after = useVersionMlModel(candidate);
  const failed = [before, after].find((q) => q.isError);
  let body;
  if ((champion && before.isPending) || after.isPending)
    body = <Skeleton rows={3} label="Reading both MLmodels…" />;
  else if (failed)
    body = (
      <ErrorNotice
        error={failed.error}
        title="An MLmodel could not be read"
        onRetry={() => void failed.refetch()}
      />
    );
  else {
    const compat = signatureCompat(signatureOf(before.data), signatureOf(after.data));
    const names = { before: `v${champion?.version ?? '?'}`, after: `v${candidate.version}` };
    if (compat.verdict === 'unknown') {
      const who =
        compat.missing === 'both'
          ? 'Neither version has a signature with inputs'
          : compat.missing === 'champion'
            ? champion
              ? `${names.before} (champion) has no signature with inputs`
              : 'There is no champion to compare with'
            : `${names.after} (candidate) has no signature with inputs`;
      body = (
        <p className="signature-verdict is-unknown" role="status">
          <strong>Compatibility unknown.</strong> {who}, so nothing could be checked.
        </p>
      );
    } else
      body = (
        <>
          <p className={`signature-verdict is-${compat.verdict}`} role="status">
            {compat.verdict === 'breaking' ? (
              <>
                <strong>Breaking.</strong> Callers of {names.before} may fail with {names.after}:{' '}
                {compat.inputs.breaking.join('; ')}.
              </>
            ) : (
              <>
                <strong>Compatible.</strong> What callers send to {names.before}, {names.after}{' '}
                takes unchanged.
              </>
            )}
          </p>
          <SchemaChangesTable title="Inputs" changes={compat.inputs} names={names} judged />
          <SchemaChangesTable title="Outputs" changes={compat.outputs} names={names} />
          <SchemaChangesTable title="Params" changes={compat.params} names={names} />
        </>
      );
  }
  return (
    <section className="detail-section" aria-labelledby="promotion-signature-title">
      <h2 id="promotion-signature-title">Signature compatibility</h2>
      {body}
    </section>
  );
}
