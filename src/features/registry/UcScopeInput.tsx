import { useId } from 'react';
import { useDebouncedDraft } from '@/hooks/useDebouncedDraft';

interface UcScopeInputProps {
  value: string;
  onCommit: (scope: string) => void;
}

/** Unity Catalog: narrows the models list to a catalog, or a catalog.schema (a name prefix). */
export function UcScopeInput({ value, onCommit }: UcScopeInputProps) {
  const id = useId();
  const [draft, setDraft] = useDebouncedDraft(value, onCommit);
  return (
    <label htmlFor={id}>
      In{' '}
      <input
        id={id}
        type="text"
        className="input uc-scope-input"
        placeholder="catalog.schema"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
    </label>
  );
}
