import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { MlflowError } from '@/api/errors';
import { registryMutations, registryQueries } from '@/api/queries/registry';
import { DescriptionSection } from '@/components/DescriptionSection';
import { QueryStatePage } from '@/components/QueryStatePage';
import { TagsSection } from '@/components/TagsSection';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { paths } from '@/lib/paths';
import { HistoryWarning } from './HistoryWarning';
import { LoadSnippet } from './LoadSnippet';
import { SignatureSection } from './SignatureSection';
import { VersionAliases } from './VersionAliases';
import { VersionHeader } from './VersionHeader';
import './registry.css';

/** `/models/:name/versions/:version`: one version, its stage and aliases, and how to load it. */
export function VersionPage({ name, version }: { name: string; version: string }) {
  const query = useQuery(registryQueries.version(name, version));
  const mv = query.data;
  const notFound = query.error instanceof MlflowError && query.error.notFound;
  useDocumentTitle(notFound ? 'Model version not found' : `${name} v${version}`);
  const tags = useMemo(() => new Map((mv?.tags ?? []).map((t) => [t.key, t.value])), [mv]);

  if (!mv)
    return (
      <QueryStatePage
        query={query}
        what={`Version ${version} of ${name}`}
        back={<Link to={paths.model.href(name)}>Back to the model</Link>}
        errorTitle="The model version could not be loaded"
        loadingLabel="Loading the model version…"
      />
    );
  return (
    <div className="page model-page">
      <VersionHeader version={mv} />
      <HistoryWarning name={name} />
      <VersionAliases version={mv} />
      <LoadSnippet name={name} version={version} aliases={mv.aliases ?? []} />
      <div className="about-grid">
        <DescriptionSection
          description={mv.description ?? ''}
          draftKey={`parallax.model-version-description-draft.${name}.${version}`}
          setTag={registryMutations.setVersionDescription(name, version)}
        />
        <TagsSection
          tags={tags}
          owner="model version"
          setTag={registryMutations.setVersionTag(name, version)}
          deleteTag={registryMutations.deleteVersionTag(name, version)}
        />
      </div>
      <SignatureSection version={mv} />
    </div>
  );
}
