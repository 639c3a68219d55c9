// The sandbox Zalo platform over real HTTP on an ephemeral port, with a clock the test moves by hand, and the
// calls a mini app (or a test) makes to it: sign in as a demo citizen, get a phone token, inject faults.
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from '../../../sandbox/src/app';
import { DEMO_CITIZENS } from '../../../sandbox/src/zalo/demo-citizens';

export { DEMO_CITIZENS };

export const SANDBOX_APP_SECRET = 'server-tests-zalo-app-secret';

export interface ZaloSandbox {
  url: string;
  /** Environment for createTestApp: the proxy talks to this sandbox with the right app secret. */
  env: Record<string, string>;
  /** A Zalo access token of a demo citizen, as zmp-sdk getAccessToken() gives it. */
  login(citizen?: (typeof DEMO_CITIZENS)[number]): Promise<string>;
  /** A single-use phone token, as zmp-sdk getPhoneNumber() gives it. */
  phoneToken(accessToken: string): Promise<string>;
  expireToken(accessToken: string): Promise<void>;
  addFault(fault: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  /** Moves the sandbox's clock forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startZaloSandbox(): Promise<ZaloSandbox> {
  let offsetMs = 0;
  const sandbox: FastifyInstance = await buildSandbox({
    zalo: { appSecret: SANDBOX_APP_SECRET },
    now: () => Date.now() + offsetMs,
  });
  await sandbox.listen({ port: 0, host: '127.0.0.1' });
  const address = sandbox.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  async function post(path: string, body: unknown): Promise<Record<string, string>> {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`sandbox ${path} answered ${res.status}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, string>);
  }

  return {
    url,
    env: { ZALO_GRAPH_URL: url, ZALO_APP_SECRET: SANDBOX_APP_SECRET },
    login: async (citizen = DEMO_CITIZENS[0]) => (await post('/sandbox/zalo/login', { userId: citizen.id })).accessToken,
    phoneToken: async (accessToken) => (await post('/sandbox/zalo/phone-token', { accessToken })).token,
    expireToken: async (accessToken) => {
      await post('/sandbox/control/zalo/expire-token', { accessToken });
    },
    addFault: async (fault) => {
      await post('/sandbox/control/zalo/faults', fault);
    },
    clearFaults: async () => {
      await fetch(`${url}/sandbox/control/zalo/faults`, { method: 'DELETE' });
    },
    advance: (ms) => {
      offsetMs += ms;
    },
    close: () => sandbox.close(),
  };
}
