import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import { ModelName } from './ModelName';

/** Models, then the model (`name`) when the page is about one of its versions or its promotion. */
export function ModelBreadcrumb({ name }: { name?: string }) {
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={paths.models.href()}>Models</Link>
      {name !== undefined && (
        <>
          <span aria-hidden="true"> / </span>
          <Link to={paths.model.href(name)} className="break-anywhere">
            <ModelName name={name} />
          </Link>
        </>
      )}
    </nav>
  );
}
