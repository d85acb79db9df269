import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ModelVersion, RegisteredModel } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import {
  againstLabel,
  againstParam,
  parseAgainst,
  promotionOffer,
  resolveChampion,
} from '@/lib/registry/promotion';
import type { Curves } from './PromotionPage';
import { PromotionCurves } from './PromotionCurves';
import { PromotionHeader } from './PromotionHeader';
import { PromotionHistory } from './PromotionHistory';
import { PromotionMetrics } from './PromotionMetrics';
import { PromotionNotices } from './PromotionNotices';
import { PromotionParams } from './PromotionParams';
import { PromotionSummary } from './PromotionSummary';
import { SignatureCompatSection } from './SignatureCompatSection';
import { usePromotionRuns } from './usePromotionRuns';

interface PromotionViewProps {
  model: RegisteredModel;
  /** Newest first, each with its aliases. */
  versions: readonly ModelVersion[];
  stages: boolean;
  curves?: Curves | undefined;
}

/** The loaded view: who is compared with whom (from the URL), and each comparison's section. */
export function PromotionView({ model, versions, stages, curves }: PromotionViewProps) {
  const [search, setSearch] = useSearchParams();
  const aliases = model.aliases ?? [];
  const asked = parseAgainst(search.get('against'));
  const champion = resolveChampion(asked, versions, aliases, stages);
  // Without a candidate in the URL: the newest version that is not the champion.
  const candidateId =
    search.get('candidate') ??
    versions.find((v) => v.version !== champion.version)?.version ??
    versions[0]?.version;
  const candidateMv = versions.find((v) => v.version === candidateId);
  const championMv = versions.find((v) => v.version === champion.version);
  const runs = usePromotionRuns(championMv, candidateMv);
  const offer = promotionOffer(champion.against, championMv, stages);
  const same = candidateMv !== undefined && candidateMv === championMv;
  const historyAbout = useMemo(
    () => ({ alias: offer.alias, stage: stages ? offer.stage : undefined }),
    [offer.alias, offer.stage, stages],
  );

  // Replace, as other view state does: trying choices should not fill the Back button.
  const setParams = (values: Record<string, string | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(values)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  // The champion becomes the candidate, compared with the former candidate by its version: an
  // alias or stage would still name the champion.
  const swap =
    candidateMv && championMv && !same
      ? () =>
          setParams({
            candidate: championMv.version,
            against: againstParam({ kind: 'version', version: candidateMv.version }),
          })
      : undefined;

  const defaultAgainst = resolveChampion(undefined, versions, aliases, stages);
  const defaultLabel = defaultAgainst.against
    ? `${againstLabel(defaultAgainst.against)}${defaultAgainst.version ? ` (v${defaultAgainst.version})` : ', none'}`
    : 'none';

  return (
    <div className="page model-page promotion-page">
      <PromotionHeader
        model={model}
        candidate={candidateMv}
        offer={offer}
        stages={stages}
        versions={versions}
        choosers={{
          versions,
          aliases,
          stages,
          candidate: candidateId,
          against: asked,
          defaultLabel,
          onCandidate: (v) => setParams({ candidate: v }),
          onAgainst: (a) => setParams({ against: a }),
          onSwap: swap,
        }}
      />
      <PromotionNotices
        name={model.name}
        candidateId={candidateId}
        candidate={candidateMv}
        champion={champion}
        stages={stages}
        same={same}
        runs={runs}
      />
      {candidateMv && (
        <>
          <PromotionSummary champion={runs.champion} candidate={runs.candidate} stages={stages} />
          {!same && (
            <>
              {runs.query.isError ? (
                <ErrorNotice
                  error={runs.query.error}
                  title="The source runs could not be loaded"
                  onRetry={() => void runs.query.refetch()}
                />
              ) : runs.loading ? (
                <Skeleton rows={6} label="Loading the source runs…" />
              ) : (
                <>
                  <PromotionMetrics champion={runs.champion} candidate={runs.candidate} />
                  <PromotionParams champion={runs.champion} candidate={runs.candidate} />
                </>
              )}
              <SignatureCompatSection champion={championMv} candidate={candidateMv} />
              {!runs.loading && (
                <PromotionCurves
                  champion={runs.champion}
                  candidate={runs.candidate}
                  curves={curves}
                />
              )}
            </>
          )}
        </>
      )}
      <PromotionHistory model={model} about={historyAbout} />
    </div>
  );
}
