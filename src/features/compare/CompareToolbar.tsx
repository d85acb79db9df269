import type { ReactNode } from 'react';

interface CompareToolbarProps {
  differencesOnly: boolean;
  onDifferencesOnly: (on: boolean) => void;
  /** Rows matching the search that "differences only" hides, over every section. */
  hiddenEqual: number;
  search: string;
  onSearch: (text: string) => void;
  onExport: () => void;
  /** The step choice, when the page offers it. */
  children?: ReactNode;
}

/** Differences only (with what it hides), the key search, the step choice and the CSV export. */
export function CompareToolbar(props: CompareToolbarProps) {
  return (
    <div className="compare-toolbar" role="group" aria-label="Comparison options">
      <label className="compare-toggle">
        <input
          type="checkbox"
          checked={props.differencesOnly}
          onChange={(e) => props.onDifferencesOnly(e.target.checked)}
        />
        Differences only
        <kbd className="compare-key-hint" aria-hidden="true">
          d
        </kbd>
      </label>
      <span className="compare-hidden-count" role="status">
        {props.differencesOnly && props.hiddenEqual > 0
          ? `${props.hiddenEqual.toLocaleString('en')} equal ${props.hiddenEqual === 1 ? 'row' : 'rows'} hidden`
          : ''}
      </span>
      <input
        type="search"
        className="compare-search"
        placeholder="Search keys"
        aria-label="Search keys"
        value={props.search}
        onChange={(e) => props.onSearch(e.target.value)}
      />
      {props.children}
      <button type="button" className="btn btn-small" onClick={props.onExport}>
        Export CSV
      </button>
    </div>
  );
}
