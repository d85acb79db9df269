import { useId } from 'react';
import type { ModelVersion, RegisteredModelAlias } from '@/api/types';
import { againstParam, type Against } from '@/lib/registry/promotion';

interface PromotionChoosersProps {
  versions: readonly ModelVersion[];
  aliases: readonly RegisteredModelAlias[];
  stages: boolean;
  candidate: string | undefined;
  /** The URL's choice; undefined for the default rule. */
  against: Against | undefined;
  /** How the default rule reads here, e.g. "@champion (v3)". */
  defaultLabel: string;
  onCandidate: (version: string) => void;
  onAgainst: (param: string | undefined) => void;
  /** Compares the other way round; undefined: there is no pair to swap. */
  onSwap: (() => void) | undefined;
}

/** The candidate and what it is compared with; both live in the URL. */
export function PromotionChoosers(props: PromotionChoosersProps) {
  const { versions, aliases, stages, candidate, against, defaultLabel } = props;
  const candidateId = useId();
  const againstId = useId();
  const asked = against ? againstParam(against) : '';
  const sortedAliases = [...aliases].sort((a, b) => a.alias.localeCompare(b.alias));
  const options = new Set([
    ...sortedAliases.map((a) => `alias:${a.alias}`),
    ...(stages ? ['stage:Production', 'stage:Staging'] : []),
    ...versions.map((v) => `version:${v.version}`),
  ]);
  return (
    <div className="toolbar promotion-choosers">
      <label htmlFor={candidateId}>Candidate</label>
      <select
        id={candidateId}
        className="input"
        value={candidate ?? ''}
        onChange={(e) => props.onCandidate(e.target.value)}
      >
        {candidate === undefined && <option value="">Choose a version</option>}
        {candidate !== undefined && !versions.some((v) => v.version === candidate) && (
          <option value={candidate}>v{candidate} (not found)</option>
        )}
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            v{v.version}
            {v.aliases?.length ? ` @${v.aliases.join(' @')}` : ''}
            {stages && v.current_stage && v.current_stage !== 'None' ? ` · ${v.current_stage}` : ''}
          </option>
        ))}
      </select>
      <label htmlFor={againstId}>against</label>
      <select
        id={againstId}
        className="input"
        value={asked}
        onChange={(e) => props.onAgainst(e.target.value || undefined)}
      >
        <option value="">Champion: {defaultLabel}</option>
        {asked && !options.has(asked) && <option value={asked}>{asked} (not found)</option>}
        {sortedAliases.length > 0 && (
          <optgroup label="Alias">
            {sortedAliases.map((a) => (
              <option key={a.alias} value={`alias:${a.alias}`}>
                @{a.alias} (v{a.version})
              </option>
            ))}
          </optgroup>
        )}
        {stages && (
          <optgroup label="Stage">
            <option value="stage:Production">Production</option>
            <option value="stage:Staging">Staging</option>
          </optgroup>
        )}
        <optgroup label="Version">
          {versions.map((v) => (
            <option key={v.version} value={`version:${v.version}`}>
              v{v.version}
            </option>
          ))}
        </optgroup>
      </select>
      <button
        type="button"
        className="btn btn-small"
        disabled={!props.onSwap}
        onClick={props.onSwap}
        title="Compare the other way round: the champion as the candidate"
      >
        ⇄ Swap
      </button>
    </div>
  );
}
