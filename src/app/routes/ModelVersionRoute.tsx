import { useParams } from 'react-router';
import { VersionPage } from '@/features/registry/VersionPage';

export function ModelVersionRoute() {
  const { name = '', version = '' } = useParams();
  return <VersionPage key={`${name}/${version}`} name={name} version={version} />;
}
