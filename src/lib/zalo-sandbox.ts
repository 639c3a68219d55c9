// The sandbox's client stand-ins (sandbox/README.md, "Client stand-ins"): what zmp-sdk gives a mini app inside
// Zalo, for the demo and end-to-end builds that run in a browser. Loaded only when VITE_ZALO_SANDBOX_URL is set.
// Which demo citizen plays "the Zalo user" is a saved choice; the first of the sandbox's list by default.
import { appConfig } from '@/config/app-config';
import { readSetting, writeSetting } from './storage';
import { ZaloError, type ZaloProfile } from './zalo';

const DEMO_CITIZEN_SETTING = 'sandbox-demo-citizen';

export interface DemoCitizen extends ZaloProfile {
  description: string;
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${appConfig.zaloSandboxUrl}/sandbox/zalo${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ZaloError('SANDBOX_UNREACHABLE', 'The Zalo sandbox could not be reached');
  }
  const json = (await response.json().catch(() => ({}))) as T & { code?: string };
  if (!response.ok) throw new ZaloError(json.code ?? response.status, `The Zalo sandbox answered ${response.status}`);
  return json;
}

let citizensPromise: Promise<DemoCitizen[]> | undefined;

export function listDemoCitizens(): Promise<DemoCitizen[]> {
  citizensPromise ??= call<{ citizens: DemoCitizen[] }>('/citizens').then(({ citizens }) => citizens);
  citizensPromise.catch(() => {
    citizensPromise = undefined;
  });
  return citizensPromise;
}

/** The demo citizen who is "the Zalo user" now. */
export async function currentDemoCitizen(): Promise<DemoCitizen> {
  const [citizens, chosen] = await Promise.all([listDemoCitizens(), readSetting(DEMO_CITIZEN_SETTING)]);
  const citizen = citizens.find(({ id }) => id === chosen) ?? citizens[0];
  if (!citizen) throw new ZaloError('NO_DEMO_CITIZEN', 'The Zalo sandbox has no demo citizens');
  return citizen;
}

export async function chooseDemoCitizen(id: string): Promise<void> {
  await writeSetting(DEMO_CITIZEN_SETTING, id);
}

export async function getSandboxAccessToken(): Promise<string> {
  const { id } = await currentDemoCitizen();
  return (await call<{ accessToken: string }>('/login', { userId: id })).accessToken;
}

export async function getSandboxPhoneToken(): Promise<string> {
  const accessToken = await getSandboxAccessToken();
  return (await call<{ token: string }>('/phone-token', { accessToken })).token;
}

/** What requestSendNotification() does in Zalo: the sandbox records that this citizen allows notifications. */
export async function allowSandboxNotifications(): Promise<void> {
  const accessToken = await getSandboxAccessToken();
  const { error } = await call<{ error?: number }>('/notifications/allow', { accessToken });
  if (error) throw new ZaloError(error, `The Zalo sandbox refused notifications (${error})`);
}

/** The sandbox has no permission prompt: sharing the profile is always allowed there. */
export async function getSandboxProfile(): Promise<ZaloProfile> {
  const { id, name, avatar } = await currentDemoCitizen();
  return { id, name, avatar };
}

/** What scanQRCode() does in Zalo: a stand-in scanner screen (lib/sandbox-qr-scanner.ts, loaded when first used). */
export async function scanSandboxQRCode(): Promise<{ content: string }> {
  return (await import('./sandbox-qr-scanner')).openSandboxScanner();
}
