// What `npm start` prints once Parallax answers. A newcomer opens the first address they see, so
// Parallax's is the only one offered to open, and it comes last, when it works. MLflow's follows
// for clients that log to it (mlflow.set_tracking_uri), labelled so that it is not opened instead.

/**
 * @param {{ parallaxUrl: string, mlflowUrl: string, backend: 'embedded' | 'MLFLOW_TRACKING_URI' | 'DATABRICKS_HOST' }} ready
 * @returns {string}
 */
export function readyBanner({ parallaxUrl, mlflowUrl, backend }) {
  const mlflow =
    backend === 'embedded'
      ? `MLflow API (for clients such as mlflow.set_tracking_uri, not to open): ${mlflowUrl}`
      : `MLflow backend (from ${backend}): ${mlflowUrl}`;
  return [
    '',
    `  Open Parallax:  ${parallaxUrl}`,
    '',
    `  ${mlflow}`,
    '  Press Ctrl-C to stop.',
    '',
  ].join('\n');
}
