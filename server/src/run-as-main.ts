// The life of a process whose main job is one service (the API, the worker): start it, close it cleanly on
// SIGINT/SIGTERM, and exit non-zero when it cannot start or cannot stop.
export interface Closable {
  close(): Promise<void>;
}

export function runAsMain(start: () => Promise<Closable>): void {
  start().then(
    (service) => {
      const stop = (signal: NodeJS.Signals) => {
        service.close().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(`Shutdown after ${signal} failed:`, error);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
