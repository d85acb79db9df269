export interface MlflowServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
}

export function freePort(): Promise<number>;
export function startMlflow(options: {
  dataDir: string;
  port?: number;
  workers?: number;
  timeoutMs?: number;
  /** Called with `stop` as soon as the process is spawned, before it is healthy. */
  onSpawn?: (stop: () => Promise<void>) => void;
  /** Appended to the `mlflow server` command line, e.g. `['--app-name', 'basic-auth']`. */
  extraArgs?: string[];
  /** Added to the server's environment. */
  env?: Record<string, string>;
}): Promise<MlflowServer>;
