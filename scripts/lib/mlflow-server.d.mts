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
}): Promise<MlflowServer>;
