import { DirectionMenu } from '@/components/DirectionMenu';
import type { Direction, EffectiveDirection } from '@/lib/metric-direction';
import type { DiffRow, FilteredSection, SectionId } from '@/lib/run-diff/diff-model';

const SECTION_TITLES: Record<SectionId, string> = {
  params: 'Parameters',
  metrics: 'Metrics',
  tags: 'Tags',
  attributes: 'Attributes',
  datasets: 'Datasets',
};

const ATTRIBUTE_LABELS: Record<string, string> = {
  status: 'Status',
  start_time: 'Started',
  duration_ms: 'Duration (ms)',
  user: 'User',
  source: 'Source',
  git_commit: 'Git commit',
  experiment_id: 'Experiment ID',
};

interface DiffSectionHeadProps {
  section: FilteredSection;
  collapsed: boolean;
  width: number;
  onToggle: () => void;
}

/** A section's heading row: folds the section, and says how many rows it shows and hides. */
export function DiffSectionHead({ section, collapsed, width, onToggle }: DiffSectionHeadProps) {
  const hidden = section.hiddenEqual;
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      className="diff-section-head"
      style={{ minWidth: width }}
    >
      <button type="button" aria-expanded={!collapsed} onClick={onToggle}>
        <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span> {SECTION_TITLES[section.id]}
      </button>
      <span className="diff-section-count">
        {section.rows.length.toLocaleString('en')} shown
        {hidden > 0 && `, ${hidden.toLocaleString('en')} equal hidden`}
      </span>
    </div>
  );
}

interface DiffKeyCellProps {
  row: DiffRow;
  width: number;
  /** Metrics only. */
  direction: EffectiveDirection | undefined;
  directionsBusy: boolean;
  onChooseDirection: (direction: Direction | undefined) => void;
}

/** A row's key (a flattened param says which param it came from) and, for a metric, its direction. */
export function DiffKeyCell({
  row,
  width,
  direction,
  directionsBusy,
  onChooseDirection,
}: DiffKeyCellProps) {
  const label = row.section === 'attributes' ? (ATTRIBUTE_LABELS[row.key] ?? row.key) : row.key;
  return (
    <div role="rowheader" aria-colindex={1} className="diff-key" style={{ width }}>
      <span
        className="diff-key-text"
        title={row.origin ? `${row.key} (from param ${row.origin})` : row.key}
      >
        {label}
      </span>
      {direction && (
        <DirectionMenu
          metric={row.key}
          current={direction}
          disabled={directionsBusy}
          onChoose={onChooseDirection}
        />
      )}
      {!row.equal && <span className="visually-hidden">, differs</span>}
    </div>
  );
}
