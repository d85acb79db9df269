// The models list on a Unity Catalog registry. UC's registered-models/search takes no filter and no
// order (MLflow's client refuses both), so the list asks for plain pages and searches, narrows and
// sorts the models it has loaded, here, in the browser.
import type { FilterError } from '../filter-string';
import { looksLikeModelFilter } from './model-filter';
import { PROMPT_TAG, type ModelListState } from './model-list';
import { inUcScope } from './unity-catalog';

/** What the list needs of a registered model. */
export interface ListedModel {
  name: string;
  last_updated_timestamp?: string | number | undefined;
  tags?: readonly { key: string; value?: string | undefined }[] | undefined;
}

/**
 * A filter in the search box cannot be applied on UC: it is marked, whole, with why. A name to
 * search for is fine.
 */
export function ucModelSearchError(text: string): FilterError | undefined {
  if (!looksLikeModelFilter(text)) return undefined;
  return {
    message:
      "Unity Catalog's model search takes no filter: type part of a name, or a catalog.schema in the box beside.",
    start: 0,
    end: text.length,
  };
}

/**
 * The loaded models the list shows on UC: prompts or models (by MLflow's prompt tag, as on the
 * workspace registry), those in the catalog.schema `scope`, whose name holds the search text
 * (ignoring case), in the chosen order: by name, or the most recently changed first (ties by name).
 */
export function ucModelListView<T extends ListedModel>(
  models: readonly T[],
  state: Pick<ModelListState, 'q' | 'sort' | 'kind'>,
  scope: string,
): T[] {
  const text = state.q.trim().toLowerCase();
  const wantPrompts = state.kind === 'prompts';
  const shown = models.filter(
    (m) =>
      isPrompt(m) === wantPrompts &&
      inUcScope(m.name, scope) &&
      (text === '' || m.name.toLowerCase().includes(text)),
  );
  const byName = (a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const updated = (m: T) => Number(m.last_updated_timestamp ?? 0) || 0;
  return shown.sort(
    state.sort === 'updated' ? (a, b) => updated(b) - updated(a) || byName(a, b) : byName,
  );
}

function isPrompt(model: ListedModel): boolean {
  return model.tags?.some((t) => t.key === PROMPT_TAG && t.value === 'true') ?? false;
}

/** The catalog.schema scope in the URL (`?in=main.ml`); empty for every catalog. */
export function readUcScope(params: URLSearchParams): string {
  return params.get('in')?.trim() ?? '';
}

/** The URL with `scope`; an empty one is left out, so the plain list keeps a plain link. */
export function writeUcScope(params: URLSearchParams, scope: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (scope.trim()) next.set('in', scope.trim());
  else next.delete('in');
  return next;
}
