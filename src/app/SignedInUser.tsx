import { useQuery } from '@tanstack/react-query';
import { configQueries } from '@/api/queries/config';

/**
 * Who is signed in, as the Databricks Apps proxy in front names them (the server reports it only
 * when it trusts that proxy); nothing elsewhere. Text, whatever the identity provider put there.
 */
export function SignedInUser() {
  const { data } = useQuery(configQueries.detail());
  if (!data?.user) return null;
  return (
    <span className="backend-label" title={`Signed in as ${data.user}`}>
      {data.user}
    </span>
  );
}
