import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { configQueries } from '@/api/queries/config';
import { paths } from '@/lib/paths';
import { writeUcScope } from '@/lib/registry/uc-model-list';
import { ucNameParts } from '@/lib/registry/unity-catalog';

/** Models, then the model (`name`) when the page is about one of its versions or its promotion. */
export function ModelBreadcrumb({ name }: { name?: string }) {
  const config = useQuery(configQueries.detail());
  const parts =
    name !== undefined && config.data?.registry === 'unity-catalog' ? ucNameParts(name) : undefined;
  // On Unity Catalog the catalog and the schema each open the models list narrowed to them.
  const inScope = (scope: string) =>
    `${paths.models.href()}?${writeUcScope(new URLSearchParams(), scope).toString()}`;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <Link to={paths.models.href()}>Models</Link>
      {name !== undefined && (
        <>
          <span aria-hidden="true"> / </span>
          {parts && (
            <>
              <Link to={inScope(parts.catalog)} className="break-anywhere">
                {parts.catalog}
              </Link>
              <span aria-hidden="true"> › </span>
              <Link to={inScope(`${parts.catalog}.${parts.schema}`)} className="break-anywhere">
                {parts.schema}
              </Link>
              <span aria-hidden="true"> › </span>
            </>
          )}
          <Link to={paths.model.href(name)} className="break-anywhere">
            {parts ? parts.model : name}
          </Link>
        </>
      )}
    </nav>
  );
}
