import { useParams } from 'react-router';
import { ModelPage } from '@/features/registry/ModelPage';

export function ModelRoute() {
  const { name = '' } = useParams();
  return <ModelPage key={name} name={name} />;
}
