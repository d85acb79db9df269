import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { ChooserDialog } from '@/components/ChooserDialog';
import './metric-picker.css';

interface MetricPickerProps {
  /** Every metric the charted runs logged, in display order. */
  keys: readonly string[];
  chosen: readonly string[];
  onChange: (keys: string[]) => void;
}

const ROW = 28;

/**
 * The "Metrics" button and its dialog: a search box over every metric the runs logged and a
 * checkbox per metric. Radix's dialog traps focus and closes on Escape; ↓ from the search box goes
 * to the list and ↑/↓ move through it (Space toggles), so a long list needs no Tab walk.
 */
export function MetricPicker({ keys, chosen, onChange }: MetricPickerProps) {
  return (
    <ChooserDialog
      label={`Metrics (${chosen.length.toLocaleString('en')} of ${keys.length.toLocaleString('en')})`}
      title="Metrics to chart"
      className="metric-picker"
    >
      <PickerBody keys={keys} chosen={chosen} onChange={onChange} />
    </ChooserDialog>
  );
}

function PickerBody({ keys, chosen: fromUrl, onChange }: MetricPickerProps) {
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  // The choice lands in the URL a navigation later: the boxes follow each click at once, and two
  // quick clicks build on each other instead of on the URL's older list. A change made elsewhere
  // (Back) is taken over (React's adjust-state-in-render pattern).
  const [chosen, setChosen] = useState(fromUrl);
  const [seen, setSeen] = useState(fromUrl);
  if (seen !== fromUrl) {
    setSeen(fromUrl);
    setChosen(fromUrl);
  }
  const choose = (next: string[]) => {
    setChosen(next);
    onChange(next);
  };
  const shown = useMemo(() => new Set(chosen), [chosen]);
  const items = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return needle ? keys.filter((k) => k.toLowerCase().includes(needle)) : keys;
  }, [keys, query]);
  // Thousands of metric keys stay instant: only the visible rows are rendered.
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW,
    overscan: 8,
    useFlushSync: false,
  });

  const toggle = (key: string) =>
    choose(shown.has(key) ? chosen.filter((k) => k !== key) : [...chosen, key]);
  // Moves focus to the checkbox of item `index`, scrolling it into the rendered window first.
  const focusItem = (index: number) => {
    if (index < 0 || index >= items.length) return;
    virtualizer.scrollToIndex(index);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLInputElement>(`input[data-index="${index}"]`)?.focus(),
    );
  };
  const onListKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = Number((e.target as HTMLElement).dataset.index ?? -1);
    if (e.key === 'ArrowDown') focusItem(at + 1);
    else if (e.key === 'ArrowUp') {
      if (at <= 0) listRef.current?.closest('.metric-picker')?.querySelector('input')?.focus();
      else focusItem(at - 1);
    } else if (e.key === 'Home') focusItem(0);
    else if (e.key === 'End') focusItem(items.length - 1);
    else return;
    e.preventDefault();
  };
  const allShownChosen = items.length > 0 && items.every((k) => shown.has(k));

  return (
    <div className="metric-picker-body">
      <input
        type="search"
        className="input input-block"
        placeholder="Search metrics"
        aria-label="Search metrics"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowDown') return;
          e.preventDefault();
          focusItem(0);
        }}
      />
      <div className="metric-picker-bar">
        <span className="chooser-count" role="status">
          {items.length.toLocaleString('en')} {items.length === 1 ? 'metric' : 'metrics'}
          {query.trim() ? ' match' : ''}
        </span>
        <button
          type="button"
          className="btn"
          disabled={items.length === 0}
          onClick={() => {
            const inView = new Set(items);
            choose(
              allShownChosen
                ? chosen.filter((k) => !inView.has(k))
                : [...chosen, ...items.filter((k) => !shown.has(k))],
            );
          }}
        >
          {allShownChosen ? 'Clear these' : 'Choose these'}
        </button>
      </div>
      <div
        ref={listRef}
        className="chooser-list"
        role="group"
        aria-label="Metrics"
        onKeyDown={onListKey}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const key = items[v.index];
            if (key === undefined) return null;
            return (
              <label
                key={key}
                className="metric-picker-item"
                style={{ transform: `translateY(${v.start}px)`, height: ROW }}
              >
                <input
                  type="checkbox"
                  data-index={v.index}
                  checked={shown.has(key)}
                  onChange={() => toggle(key)}
                />
                <span className="metric-picker-key" title={key}>
                  {key}
                </span>
              </label>
            );
          })}
        </div>
      </div>
    </div>
  );
}
