// The body of `GET /parallax/api/config`: written by the server (server/backend-info.ts), read by
// the SPA. A type only, so it lives where both may import it.

/** What `GET /parallax/api/config` reports about the backend Parallax is serving. */
export interface ParallaxConfig {
  backend: 'oss' | 'databricks';
  mlflow_version: string | null;
  registry: 'workspace' | 'unity-catalog';
  capabilities: {
    stages: boolean;
    aliases: boolean;
    history_bulk_interval: boolean;
  };
  user: string | null;
  /** PARALLAX_READ_ONLY is on: the server refuses every change, so the UI offers none. */
  read_only: boolean;
  tracking_uri_host: string;
}
