// The sandbox's client stand-ins (sandbox/README.md, "Client stand-ins"): what zmp-sdk gives a mini app inside
// Zalo, for the demo and end-to-end builds that run in a browser. Loaded only by lib/zalo.ts in those builds.
import { createSettingsStore } from './settings-store';
import {
  ZaloError,
  type DemoCitizen,
  type DemoCitizens,
  type ShareContent,
  type ShareOutcome,
  type ZaloPlatform,
} from './zalo-types';

const DEMO_CITIZEN_SETTING = 'sandbox-demo-citizen';

/**
 * The sandbox's stand-in for Zalo over `zalo` (zmp-sdk, which in a browser still gives its language, storage and
 * events): the identity, phone, notification, share, launch-link and scanner calls go to the sandbox at `sandboxUrl`
 * or to the browser. Which demo citizen plays "the Zalo user" is a saved choice; the first of the list by default.
 */
export function createSandboxPlatform(zalo: ZaloPlatform, sandboxUrl: string): ZaloPlatform {
  const settings = createSettingsStore(() => zalo.nativeStorage());

  async function call<T>(path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${sandboxUrl}/sandbox/zalo${path}`, {
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

  const demoCitizens: DemoCitizens = {
    list() {
      citizensPromise ??= call<{ citizens: DemoCitizen[] }>('/citizens').then(({ citizens }) => citizens);
      citizensPromise.catch(() => {
        citizensPromise = undefined;
      });
      return citizensPromise;
    },
    async current() {
      const [citizens, chosen] = await Promise.all([demoCitizens.list(), settings.readSetting(DEMO_CITIZEN_SETTING)]);
      const citizen = citizens.find(({ id }) => id === chosen) ?? citizens[0];
      if (!citizen) throw new ZaloError('NO_DEMO_CITIZEN', 'The Zalo sandbox has no demo citizens');
      return citizen;
    },
    async choose(id) {
      await settings.writeSetting(DEMO_CITIZEN_SETTING, id);
    },
  };

  async function getAccessToken(): Promise<string> {
    const { id } = await demoCitizens.current();
    return (await call<{ accessToken: string }>('/login', { userId: id })).accessToken;
  }

  return {
    ...zalo,
    demoCitizens,
    getAccessToken,

    async getPhoneToken() {
      const accessToken = await getAccessToken();
      return (await call<{ token: string }>('/phone-token', { accessToken })).token;
    },

    /** What requestSendNotification() does in Zalo: the sandbox records that this citizen allows notifications. */
    async requestSendNotification() {
      const accessToken = await getAccessToken();
      const { error } = await call<{ error?: number }>('/notifications/allow', { accessToken });
      if (error) throw new ZaloError(error, `The Zalo sandbox refused notifications (${error})`);
    },

    /** The sandbox has no permission prompt: sharing the profile is always allowed there. */
    async authorizeProfile() {
      const { id, name, avatar } = await demoCitizens.current();
      return { id, name, avatar };
    },

    openShareSheet: shareInBrowser,

    /** In a plain browser the page's own URL is the link that opened the app. */
    async getLaunchParams() {
      return Object.fromEntries(new URLSearchParams(window.location.search));
    },

    /** A stand-in scanner screen (lib/sandbox-qr-scanner.ts, loaded when first used). */
    async scanQRCode() {
      const { content } = await (await import('./sandbox-qr-scanner')).openSandboxScanner();
      return content ? content : null;
    },
  };
}

/** Zalo's share sheet does not exist in a browser: the browser's own (Web Share API), else the clipboard. */
async function shareInBrowser({ text, title }: ShareContent): Promise<ShareOutcome> {
  if (typeof navigator.share === 'function') {
    try {
      await navigator.share({ title, text });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
      // Refused for another reason (e.g. no user gesture): copying still works.
    }
  }
  if (!navigator.clipboard) throw new ZaloError('SHARE_UNAVAILABLE', 'Neither Web Share nor the clipboard is available');
  await navigator.clipboard.writeText(text);
  return 'copied';
}
