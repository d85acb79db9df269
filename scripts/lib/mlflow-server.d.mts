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
}): Promise<MlflowServer>;
