export function readyBanner(ready: {
  parallaxUrl: string;
  mlflowUrl: string;
  backend: 'embedded' | 'MLFLOW_TRACKING_URI' | 'DATABRICKS_HOST';
}): string;
