import type { ModelVersion } from '@/api/types';
import { againstLabel, type Champion } from '@/lib/registry/promotion';
import { RunProblemNote } from './RunProblemNote';
import type { usePromotionRuns } from './usePromotionRuns';

interface PromotionNoticesProps {
  name: string;
  candidateId: string | undefined;
  candidate: ModelVersion | undefined;
  champion: Champion;
  stages: boolean;
  /** The candidate is the champion. */
  same: boolean;
  runs: ReturnType<typeof usePromotionRuns>;
}

/** What the view cannot compare, and why; each on its own, the rest of the view still shows. */
export function PromotionNotices(props: PromotionNoticesProps) {
  const { name, candidateId, candidate, champion, stages, same, runs } = props;
  if (candidateId === undefined)
    return <p className="promotion-note">{name} has no versions yet: nothing to promote.</p>;
  if (!candidate)
    return (
      <p className="promotion-note" role="note">
        Version {candidateId} of {name} does not exist. Choose a candidate above.
      </p>
    );
  let championNote;
  if (champion.against && champion.chosen && !champion.version)
    championNote = `No version is ${againstLabel(champion.against)}: the candidate is shown alone.`;
  else if (!champion.version)
    championNote =
      `No champion yet: no version holds @champion${stages ? ' and none is in Production' : ''}. ` +
      'The candidate is shown alone; Promote can make it the first champion.';
  else if (same && champion.against)
    championNote = `Version ${candidate.version} is ${againstLabel(champion.against)}: there is nothing to compare it with. Choose another candidate or champion above.`;
  return (
    <>
      {championNote && (
        <p className="promotion-note" role="note">
          {championNote}
        </p>
      )}
      {!same && <RunProblemNote side={runs.champion} />}
      <RunProblemNote side={runs.candidate} />
    </>
  );
}
