import { Link } from 'react-router';
import type { Registration } from '@/lib/logged-models/logged-model';
import { paths } from '@/lib/paths';

/** The registry versions made from a logged model, each linked to its version page. */
export function RegisteredVersionLinks({
  registrations,
}: {
  registrations: readonly Registration[];
}) {
  if (registrations.length === 0) return <span className="logged-model-none">—</span>;
  return (
    <span className="logged-model-registrations">
      {registrations.map((r, i) => (
        <span key={`${r.name}\u0000${r.version}`}>
          {i > 0 && ', '}
          <Link to={paths.modelVersion.href(r.name, r.version)}>
            {r.name} v{r.version}
          </Link>
        </span>
      ))}
    </span>
  );
}
