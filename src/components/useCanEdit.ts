import { useQuery } from '@tanstack/react-query';
import { configQueries } from '@/api/queries/config';

/**
 * Whether this Parallax offers changes: false when its server runs with PARALLAX_READ_ONLY=1 (it
 * refuses every mutation, so the UI shows no edit, delete, restore, rename, create, tag or
 * description action), and false until the config has answered: an action appearing a moment
 * late is better than one offered and then refused. Every feature asks here, so read-only mode is
 * decided in one place.
 */
export function useCanEdit(): boolean {
  const { data } = useQuery(configQueries.detail());
  return data !== undefined && data.read_only !== true;
}
