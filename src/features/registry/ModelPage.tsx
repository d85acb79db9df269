import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { MlflowError } from '@/api/errors';
import { registryMutations, registryQueries } from '@/api/queries/registry';
import { DescriptionSection } from '@/components/DescriptionSection';
import { TagsSection } from '@/components/TagsSection';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { isHistoryTag } from '@/lib/registry/history';
import { HistorySection } from './HistorySection';
import { HistoryWarning } from './HistoryWarning';
import { ModelAliases } from './ModelAliases';
import { ModelHeader } from './ModelHeader';
import { ModelStatePage } from './ModelStatePage';
import { VersionMetricChart } from './VersionMetricChart';
import { VersionsSection } from './VersionsSection';
import './registry.css';

/** `/models/:name`: one registered model, its aliases and every version. */
export function ModelPage({ name }: { name: string }) {
  const query = useQuery(registryQueries.model(name));
  // The versions are asked for with the model, not once the model has come back and the versions
  // table mounts: two round trips after each other would delay the table the page is opened for.
  usePrefetchQuery(registryQueries.versions(name));
  const model = query.data;
  const notFound = query.error instanceof MlflowError && query.error.notFound;
  useDocumentTitle(notFound ? 'Model not found' : name);
  // The history's own tags are shown as the History section, not among the model's tags.
  const tags = useMemo(
    () =>
      new Map((model?.tags ?? []).filter((t) => !isHistoryTag(t.key)).map((t) => [t.key, t.value])),
    [model],
  );

  if (!model) return <ModelStatePage query={query} name={name} />;
  return (
    <div className="page model-page">
      <ModelHeader model={model} />
      <HistoryWarning name={name} />
      <div className="about-grid">
        <DescriptionSection
          description={model.description ?? ''}
          draftKey={`parallax.model-description-draft.${name}`}
          setTag={registryMutations.setDescription(name)}
        />
        <TagsSection
          tags={tags}
          owner="model"
          setTag={registryMutations.setTag(name)}
          deleteTag={registryMutations.deleteTag(name)}
        />
      </div>
      <ModelAliases name={name} aliases={model.aliases ?? []} />
      <VersionsSection name={name} />
      <VersionMetricChart name={name} />
      <HistorySection model={model} />
    </div>
  );
}
