import { useSearchParams } from 'react-router';
import type { To } from 'react-router';

/** The experiment URL's `model` parameter: the logged model opened in the Models view. */
export const MODEL_PARAM = 'model';

/**
 * The opened model, and links that open another or close it. Links keep the rest of the URL (the
 * view, the runs table's filter and columns), so Back returns to exactly the screen before.
 */
export function useSelectedModel() {
  const [params] = useSearchParams();
  const withModel = (modelId: string | undefined): To => {
    const next = new URLSearchParams(params);
    if (modelId) next.set(MODEL_PARAM, modelId);
    else next.delete(MODEL_PARAM);
    return { search: `?${next.toString()}` };
  };
  return {
    selectedId: params.get(MODEL_PARAM) ?? undefined,
    hrefFor: (modelId: string) => withModel(modelId),
    closeHref: withModel(undefined),
  };
}
