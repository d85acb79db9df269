import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ChooserDialog } from '@/components/ChooserDialog';
import type { ColumnChoice, ColumnKind } from '@/lib/runs-view-state';
import { KIND_LABEL } from './runs-table-model';
import { ShownColumns } from './ShownColumns';
import type { RunKeys } from './useRunKeys';

interface ColumnChooserProps {
  keys: RunKeys;
  chosen: readonly ColumnChoice[];
  onChange: (columns: ColumnChoice[]) => void;
}

const KEY_ROW = 28;

/** The "Columns" button and its panel: the shown columns in order, and every key to pick from. */
export function ColumnChooser({ keys, chosen, onChange }: ColumnChooserProps) {
  return (
    <ChooserDialog label="Columns" title="Columns" className="runs-chooser">
      <ShownColumns chosen={chosen} onChange={onChange} />
      <KeyPicker keys={keys} chosen={chosen} onChange={onChange} />
    </ChooserDialog>
  );
}

/** Every metric, param and tag key with a search box; virtualized so 10,000 keys stay instant. */
function KeyPicker({ keys, chosen, onChange }: ColumnChooserProps) {
  const [query, setQuery] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => new Set(chosen.map((c) => `${c.kind}.${c.key}`)), [chosen]);
  const items = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const all: { kind: ColumnKind; key: string }[] = [];
    for (const kind of ['metrics', 'params', 'tags'] as const) {
      for (const key of keys[kind]) {
        if (!needle || key.toLowerCase().includes(needle)) all.push({ kind, key });
      }
    }
    return all;
  }, [keys, query]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => KEY_ROW,
    overscan: 8,
    useFlushSync: false,
  });

  const toggle = (kind: ColumnKind, key: string) => {
    const id = `${kind}.${key}`;
    onChange(
      shown.has(id)
        ? chosen.filter((c) => `${c.kind}.${c.key}` !== id)
        : [...chosen, { kind, key, pinned: false }],
    );
  };

  return (
    <div className="runs-chooser-picker">
      <input
        type="search"
        className="input input-block"
        placeholder="Search metrics, params and tags"
        aria-label="Search columns"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="chooser-count">
        {items.length.toLocaleString('en')} {items.length === 1 ? 'key' : 'keys'}
      </p>
      <div ref={listRef} className="chooser-list" role="group" aria-label="All columns">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const item = items[v.index];
            if (!item) return null;
            return (
              <label
                key={`${item.kind}.${item.key}`}
                className="runs-chooser-item"
                style={{ transform: `translateY(${v.start}px)`, height: KEY_ROW }}
              >
                <input
                  type="checkbox"
                  aria-label={`${KIND_LABEL[item.kind]} ${item.key}`}
                  checked={shown.has(`${item.kind}.${item.key}`)}
                  onChange={() => toggle(item.kind, item.key)}
                />
                <span className="runs-header-kind">{KIND_LABEL[item.kind]}</span>
                <span className="runs-chooser-key">{item.key}</span>
              </label>
            );
          })}
        </div>
      </div>
    </div>
  );
}
