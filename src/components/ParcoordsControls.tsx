import { useId, useMemo, useState } from 'react';
import type { AxisKey, AxisSpec } from '@/lib/parcoords/types';
import { parseAxisKey } from '@/lib/parcoords/types';
import { ChooserDialog } from './ChooserDialog';

export interface ParcoordsFields {
  params: readonly AxisKey[];
  metrics: readonly AxisKey[];
}

interface ParcoordsControlsProps {
  fields: ParcoordsFields;
  /** The params that vary across the runs: the chooser lists only these at first. */
  varying: ReadonlySet<AxisKey>;
  axes: readonly AxisSpec[];
  /** The axes are the default ones (not chosen by hand). */
  isDefault: boolean;
  /** undefined: back to the default axes. */
  onAxesChange: (axes: AxisSpec[] | undefined) => void;
  colorBy: AxisKey | undefined;
  onColorByChange: (metric: AxisKey | undefined) => void;
  /** Runs inside every brush, or undefined with no brush. */
  brushed: number | undefined;
  total: number;
  onClearBrushes: () => void;
}

const fieldOf = (key: AxisKey) => parseAxisKey(key)?.key ?? key;

/**
 * What sits above a parallel-coordinates plot: the axis chooser (params that vary across the runs
 * and metrics, each a checkbox), the colour-by metric, how many runs the brushes keep (a live
 * region) and a button that clears them.
 */
export function ParcoordsControls(props: ParcoordsControlsProps) {
  const { fields, axes, brushed, total } = props;
  const metrics = fields.metrics;
  return (
    <div className="parcoords-controls" role="group" aria-label="Parallel coordinates options">
      <AxisChooser {...props} />
      <label className="parcoords-control">
        Colour by
        <select
          className="select select-compact"
          value={props.colorBy ?? ''}
          onChange={(e) => props.onColorByChange(e.target.value || undefined)}
        >
          <option value="">Run colour</option>
          {props.colorBy && !metrics.includes(props.colorBy) && (
            <option value={props.colorBy}>{fieldOf(props.colorBy)}</option>
          )}
          {metrics.map((key) => (
            <option key={key} value={key}>
              {fieldOf(key)}
            </option>
          ))}
        </select>
      </label>
      <p className="parcoords-count" role="status">
        {brushed === undefined
          ? `${total.toLocaleString('en')} ${total === 1 ? 'run' : 'runs'}, no brush`
          : `${brushed.toLocaleString('en')} of ${total.toLocaleString('en')} runs in the brushes`}
      </p>
      {brushed !== undefined && (
        <button type="button" className="btn btn-small" onClick={props.onClearBrushes}>
          Clear brushes
        </button>
      )}
      {axes.length > 0 && (
        <span className="parcoords-hint">
          Drag along an axis to brush it (focused: Shift+↑/↓ grows it, ↑/↓ moves it); double-click
          or Escape clears it. Drag a title to move its axis (focused: Alt+←/→).
        </span>
      )}
    </div>
  );
}

function AxisChooser(props: ParcoordsControlsProps) {
  const { fields, varying, axes } = props;
  const [varyingOnly, setVaryingOnly] = useState(true);
  const [query, setQuery] = useState('');
  const id = useId();
  const chosen = useMemo(() => new Set(axes.map((a) => a.key)), [axes]);
  const needle = query.trim().toLowerCase();
  const matches = (key: AxisKey) => !needle || fieldOf(key).toLowerCase().includes(needle);
  // An axis already shown stays listed, so it can be taken off.
  const params = fields.params.filter(
    (k) => matches(k) && (!varyingOnly || varying.has(k) || chosen.has(k)),
  );
  const metrics = fields.metrics.filter(matches);
  const hiddenEqual = varyingOnly
    ? fields.params.filter((k) => matches(k) && !varying.has(k) && !chosen.has(k)).length
    : 0;

  const toggle = (key: AxisKey) =>
    props.onAxesChange(
      chosen.has(key)
        ? axes.filter((a) => a.key !== key)
        : [...axes, { key, scale: 'linear' as const }],
    );

  const list = (title: string, keys: readonly AxisKey[]) => (
    <fieldset className="parcoords-chooser-group">
      <legend>{title}</legend>
      {keys.length === 0 ? (
        <p className="chooser-count">None</p>
      ) : (
        keys.map((key) => (
          <label key={key} className="parcoords-chooser-item">
            <input type="checkbox" checked={chosen.has(key)} onChange={() => toggle(key)} />
            <span className="parcoords-chooser-key">{fieldOf(key)}</span>
          </label>
        ))
      )}
    </fieldset>
  );

  return (
    <ChooserDialog label={`Axes (${axes.length})`} title="Axes" className="parcoords-chooser">
      <div className="parcoords-chooser-top">
        <input
          type="search"
          className="input input-block"
          placeholder="Search params and metrics"
          aria-label="Search axes"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="parcoords-control">
          <input
            type="checkbox"
            checked={varyingOnly}
            onChange={(e) => setVaryingOnly(e.target.checked)}
          />
          Varying params only
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={props.isDefault}
          onClick={() => props.onAxesChange(undefined)}
        >
          Default axes
        </button>
      </div>
      <p className="chooser-count" id={id}>
        {axes.length.toLocaleString('en')} {axes.length === 1 ? 'axis' : 'axes'} shown
        {hiddenEqual > 0 &&
          `; ${hiddenEqual.toLocaleString('en')} ${hiddenEqual === 1 ? 'param' : 'params'} equal in every run not listed`}
      </p>
      <div className="chooser-list parcoords-chooser-list" aria-describedby={id}>
        {list('Params', params)}
        {list('Metrics', metrics)}
      </div>
    </ChooserDialog>
  );
}
