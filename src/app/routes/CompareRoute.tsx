import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';

/** Holds the place of the run diff so that links to `/compare?runs=…` already work. */
export function CompareRoute() {
  useDocumentTitle('Compare runs');
  const runIds = (useSearchParams()[0].get('runs') ?? '').split(',').filter(Boolean);
  return (
    <div className="page">
      <header className="page-header">
        <h1>Compare runs</h1>
      </header>
      <p>Run comparison arrives in a later release.</p>
      {runIds.length > 0 && (
        <section aria-labelledby="compare-runs-title">
          <h2 id="compare-runs-title">Selected runs ({runIds.length})</h2>
          <ul className="id-list">
            {runIds.map((id) => (
              <li key={id}>
                <code>{id}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
