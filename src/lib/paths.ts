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
  models: { path: '/models', href: () => '/models' },
  model: { path: '/models/:name', href: (name: string) => `/models/${enc(name)}` },
} as const;
