import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useId } from 'react';
import type { XAxisMode, YScale } from '@/lib/chart-axes';

export type ExportKind = 'png' | 'svg' | 'csv';

interface ChartControlsProps {
  xMode: XAxisMode;
  onXMode: (mode: XAxisMode) => void;
  yScale: YScale;
  onYScale: (scale: YScale) => void;
  smoothing: number;
  onSmoothing: (weight: number) => void;
  zoomed: boolean;
  onResetZoom: () => void;
  onRefresh: () => void;
  refreshing: boolean;
  onExport: (kind: ExportKind) => void;
  /** Where a zoom or pan key left the window, for screen readers. */
  zoomAnnouncement?: string;
}

/** The chart's toolbar: every control is a labelled form element or button (keyboard-usable). */
export function ChartControls(props: ChartControlsProps) {
  const id = useId();
  return (
    <div className="metric-chart-controls">
      <label htmlFor={`${id}-x`}>X axis</label>
      <select
        id={`${id}-x`}
        value={props.xMode}
        onChange={(e) => props.onXMode(e.target.value as XAxisMode)}
      >
        <option value="step">Step</option>
        <option value="wall">Wall time</option>
        <option value="relative">Relative time</option>
      </select>
      <label htmlFor={`${id}-y`}>Y scale</label>
      <select
        id={`${id}-y`}
        value={props.yScale}
        onChange={(e) => props.onYScale(e.target.value as YScale)}
      >
        <option value="linear">Linear</option>
        <option value="log">Log</option>
      </select>
      <label htmlFor={`${id}-s`}>Smoothing</label>
      <input
        id={`${id}-s`}
        type="range"
        min={0}
        max={0.99}
        step={0.01}
        value={props.smoothing}
        onChange={(e) => props.onSmoothing(Number(e.target.value))}
        aria-valuetext={props.smoothing === 0 ? 'off' : props.smoothing.toFixed(2)}
      />
      <output htmlFor={`${id}-s`} className="metric-chart-smoothing-value">
        {props.smoothing === 0 ? 'off' : props.smoothing.toFixed(2)}
      </output>
      <button type="button" onClick={props.onResetZoom} disabled={!props.zoomed}>
        Reset zoom
      </button>
      <button type="button" onClick={props.onRefresh} disabled={props.refreshing}>
        Refresh
      </button>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger asChild>
          <button type="button">Export</button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="metric-chart-menu" align="end" sideOffset={4}>
            <DropdownMenu.Item onSelect={() => props.onExport('png')}>PNG image</DropdownMenu.Item>
            <DropdownMenu.Item onSelect={() => props.onExport('svg')}>SVG image</DropdownMenu.Item>
            <DropdownMenu.Item onSelect={() => props.onExport('csv')}>
              CSV of the window&apos;s raw points
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <span className="visually-hidden" role="status">
        {props.zoomAnnouncement}
      </span>
    </div>
  );
}
