// Every route as a { path, href } pair so no page builds a URL by hand (shared by app and features).
const enc = encodeURIComponent;

export const paths = {
  home: { path: '/', href: () => '/' },
  experiments: {
    path: '/experiments',
    href: (view?: 'deleted') => (view ? `/experiments?view=${view}` : '/experiments'),
  },
  experiment: {
    path: '/experiments/:experimentId',
    href: (experimentId: string) => `/experiments/${enc(experimentId)}`,
  },
  run: {
    path: '/experiments/:experimentId/runs/:runId',
    href: (experimentId: string, runId: string) =>
      `/experiments/${enc(experimentId)}/runs/${enc(runId)}`,
  },
  compare: {
    path: '/compare',
    // The experiments are a hint that saves the page a lookup per experiment (compare-url.ts).
    href: (runIds: readonly string[], experimentIds: readonly string[] = []) =>
      `/compare?runs=${runIds.map(enc).join(',')}` +
      (experimentIds.length ? `&experiments=${experimentIds.map(enc).join(',')}` : ''),
  },
  /** A run known only by its id (a model version's source run): redirects to its experiment's URL. */
  runById: { path: '/runs/:runId', href: (runId: string) => `/runs/${enc(runId)}` },
  models: { path: '/models', href: () => '/models' },
  model: { path: '/models/:name', href: (name: string) => `/models/${enc(name)}` },
  modelVersion: {
    path: '/models/:name/versions/:version',
    href: (name: string, version: string) => `/models/${enc(name)}/versions/${enc(version)}`,
  },
  /** A candidate version against the champion (`against`: `alias:NAME`, `stage:S` or `version:N`). */
  promote: {
    path: '/models/:name/promote',
    href: (name: string, candidate?: string, against?: string) => {
      const query = new URLSearchParams();
      if (candidate) query.set('candidate', candidate);
      if (against) query.set('against', against);
      const q = query.toString();
      return `/models/${enc(name)}/promote${q ? `?${q}` : ''}`;
    },
  },
  /** An experiment's Models view (MLflow 3 logged models), with one model opened if given. */
  experimentModels: {
    path: '/experiments/:experimentId',
    href: (experimentId: string, modelId?: string) =>
      `/experiments/${enc(experimentId)}?view=models` + (modelId ? `&model=${enc(modelId)}` : ''),
  },
  /** A logged model known only by its id (a version's source): redirects to its experiment's view. */
  loggedModel: {
    path: '/logged-models/:modelId',
    href: (modelId: string) => `/logged-models/${enc(modelId)}`,
  },
} as const;
