import { Link, useLocation } from 'react-router';
import { NotFound } from '@/components/NotFound';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';

export function NotFoundRoute() {
  useDocumentTitle('Not found');
  const { pathname } = useLocation();
  return (
    <div className="page">
      <NotFound what="Page" error={new Error(`Nothing lives at ${pathname}.`)}>
        <p>
          <Link to={paths.experiments.href()}>Go to experiments</Link>
        </p>
      </NotFound>
    </div>
  );
}
