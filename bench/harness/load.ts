// One fixed-duration HTTP load run with autocannon (pinned in package.json) from the bench process against a
// server in another process: requests per second and latency percentiles.
import autocannon from 'autocannon';

export interface LoadRun {
  rps: number;
  p50: number;
  p99: number;
  /** Requests that failed: connection errors, timeouts, non-2xx answers. */
  failed: number;
  total: number;
}

export interface LoadTarget {
  url: string;
  /** Paths cycled through by each connection (e.g. several search queries); the URL's own path when absent. */
  paths?: string[];
  headers?: Record<string, string>;
}

export async function runLoad(target: LoadTarget, options: { connections: number; seconds: number }): Promise<LoadRun> {
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.seconds,
    headers: target.headers,
    requests: target.paths?.map((path) => ({ method: 'GET' as const, path })),
  });
  return {
    rps: result.requests.total / options.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}
