import { useQuery } from '@tanstack/react-query';
import { configQueries } from '@/api/queries/config';
import { ucNameParts } from '@/lib/registry/unity-catalog';

/**
 * A model's name as text; on Unity Catalog a full name reads as the path it is,
 * `catalog › schema › model`, with the dotted name kept for copying (title) and screen readers.
 */
export function ModelName({ name }: { name: string }) {
  const config = useQuery(configQueries.detail());
  const parts = config.data?.registry === 'unity-catalog' ? ucNameParts(name) : undefined;
  if (!parts) return <>{name}</>;
  return (
    <span className="uc-name" title={name}>
      <span aria-hidden="true">
        <span className="uc-name-level">{parts.catalog}</span>
        <span className="uc-name-sep"> › </span>
        <span className="uc-name-level">{parts.schema}</span>
        <span className="uc-name-sep"> › </span>
        <span className="uc-name-model">{parts.model}</span>
      </span>
      {/* After the path, so the link's first box is the text a pointer sees and clicks. */}
      <span className="visually-hidden">{name}</span>
    </span>
  );
}
