// The only importer of zmp-sdk, loaded on first use to stay out of the initial bundle. Facts relied on:
// shared/reference/zalo-platform.md ("The mini app in a browser", "Client APIs"). The app talks to one ZaloPlatform,
// chosen once: this file's zmp-sdk implementation, or in sandbox builds the sandbox's stand-in (lib/zalo-sandbox.ts).
import { appConfig } from '@/config/app-config';
import {
  ZaloError,
  type DemoCitizens,
  type NativeStore,
  type ShareContent,
  type ShareOutcome,
  type ZaloPlatform,
  type ZaloProfile,
} from './zalo-types';

export { ZaloError, type ShareContent, type ShareOutcome, type ZaloProfile };

type ZmpSdk = typeof import('zmp-sdk');

let sdkPromise: Promise<ZmpSdk> | undefined;

function loadSdk(): Promise<ZmpSdk> {
  if (!sdkPromise) {
    // nativeStorage throws on a desktop browser unless the host declares API support before the SDK loads.
    // Inside Zalo (window.APP_ID set) the host answers this itself.
    if (!window.APP_ID && !('isAPISupport' in window)) {
      (window as unknown as { isAPISupport: () => boolean }).isAPISupport = () => true;
    }
    sdkPromise = import('zmp-sdk');
  }
  return sdkPromise;
}

async function callZalo<T>(call: (sdk: ZmpSdk) => Promise<T>): Promise<T> {
  try {
    return await call(await loadSdk());
  } catch (error) {
    if (error instanceof ZaloError) throw error;
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    throw new ZaloError(code ?? 'UNKNOWN', error instanceof Error ? error.message : undefined);
  }
}

/** Zalo itself, through zmp-sdk. */
const zaloPlatform: ZaloPlatform = {
  async language() {
    try {
      const info = (await loadSdk()).getSystemInfo();
      return info.zaloLanguage || info.language || undefined;
    } catch {
      return undefined;
    }
  },

  async nativeStorage(): Promise<NativeStore | null> {
    try {
      return (await loadSdk()).nativeStorage;
    } catch {
      return null;
    }
  },

  async getAccessToken() {
    const token = await callZalo((sdk) => sdk.getAccessToken());
    if (!token) throw new ZaloError('NO_ACCESS_TOKEN', 'Zalo gave no access token');
    return token;
  },

  async getPhoneToken() {
    const { token } = await callZalo((sdk) => sdk.getPhoneNumber());
    // Zalo answers without a token when the citizen closes the prompt.
    if (!token) throw new ZaloError(-201, 'Zalo gave no phone token');
    return token;
  },

  async requestSendNotification() {
    await callZalo((sdk) => sdk.requestSendNotification());
  },

  authorizeProfile() {
    return callZalo(async (sdk) => {
      const granted = await sdk.authorize({ scopes: ['scope.userInfo'] });
      if (granted['scope.userInfo'] === false) throw new ZaloError(-1401, 'scope.userInfo refused');
      const { userInfo } = await sdk.getUserInfo({});
      return { id: userInfo.id, name: userInfo.name, avatar: userInfo.avatar };
    });
  },

  async openShareSheet(content) {
    const result = await callZalo((sdk) =>
      sdk.openShareSheet({
        type: 'text',
        data: { text: content.text, description: content.title ?? '', autoParseLink: true },
      }),
    );
    // status 0: the citizen closed the sheet (zmp-sdk OpenShareSheetReturns).
    return result && result.status === 0 ? 'cancelled' : 'shared';
  },

  async getLaunchParams() {
    try {
      return (await loadSdk()).getRouteParams();
    } catch {
      return {};
    }
  },

  onOpenApp(listener) {
    let stopped = false;
    let unsubscribe = () => {};
    const handler = (data: unknown) => {
      const path = typeof data === 'string' ? data : (data as { path?: unknown } | null)?.path;
      if (typeof path === 'string') listener(path);
    };
    loadSdk().then(
      (sdk) => {
        if (stopped) return;
        sdk.events.on(sdk.EventName.OpenApp, handler);
        unsubscribe = () => sdk.events.off(sdk.EventName.OpenApp, handler);
      },
      () => undefined, // no SDK, no events: cold-start links still work
    );
    return () => {
      stopped = true;
      unsubscribe();
    };
  },

  async scanQRCode() {
    // Zalo answers with an empty content when the citizen closes the scanner.
    const { content } = await callZalo((sdk) => sdk.scanQRCode());
    return content ? content : null;
  },
};

/** True in the demo and end-to-end builds, where "the Zalo user" is a demo citizen of the sandbox. */
export const isZaloSandbox = appConfig.zaloSandboxUrl !== null;

const sandboxUrl = appConfig.zaloSandboxUrl;
let platformPromise: Promise<ZaloPlatform> | undefined;

/** The platform of this build, chosen once; the sandbox's stand-in is a chunk of its own, loaded when first used. */
function platform(): Promise<ZaloPlatform> {
  platformPromise ??= sandboxUrl
    ? import('./zalo-sandbox').then((sandbox) => sandbox.createSandboxPlatform(zaloPlatform, sandboxUrl))
    : Promise.resolve(zaloPlatform);
  return platformPromise;
}

/** The display language of the Zalo app (e.g. "vi", "en"); undefined when the SDK cannot tell. */
export async function getZaloLanguage(): Promise<string | undefined> {
  return (await platform()).language();
}

/** Zalo's per-app key-value store on the phone; null when it is unavailable (callers fall back). */
export async function getNativeStorage(): Promise<NativeStore | null> {
  return (await platform()).nativeStorage();
}

/** A Zalo user access token for the proxy to verify; given without a prompt (it carries only the user id). */
export async function getAccessToken(): Promise<string> {
  return (await platform()).getAccessToken();
}

/** Asks Zalo for the citizen's phone: a single-use token for the proxy, valid two minutes. */
export async function getPhoneToken(): Promise<string> {
  return (await platform()).getPhoneToken();
}

/**
 * Zalo's own prompt allowing the mini app to send the citizen notifications (through the app's shared OA); the
 * proxy may then send them mini app notifications. A refusal is a ZaloError with `refused` set.
 */
export async function requestSendNotification(): Promise<void> {
  return (await platform()).requestSendNotification();
}

/** Zalo's own prompt to share name and avatar (scope.userInfo), then the profile it allows. */
export async function authorizeProfile(): Promise<ZaloProfile> {
  return (await platform()).authorizeProfile();
}

/** Zalo's share sheet (openShareSheet, type "text"); in sandbox builds the browser's share sheet or the clipboard. */
export async function openShareSheet(content: ShareContent): Promise<ShareOutcome> {
  return (await platform()).openShareSheet(content);
}

/**
 * The query of the link that opened the app (getRouteParams on a cold start): a QR poster's `?office=…&proc=…`, a
 * notification button's `?application=…`. Untrusted input: parse it with domain/deep-link.ts.
 */
export async function getLaunchParams(): Promise<Record<string, string>> {
  return (await platform()).getLaunchParams();
}

/**
 * Calls `listener` with the path Zalo gives (`d.path`, with its query) each time a deep link brings the app back from
 * the background (the OpenApp event). Returns the unsubscribe function.
 */
export function onOpenApp(listener: (path: string) => void): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  void platform().then((chosen) => {
    if (!stopped) unsubscribe = chosen.onOpenApp(listener);
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}

/** Zalo's camera scanner (scanQRCode): the text of the code, or null when the citizen closed the scanner. */
export async function scanQRCode(): Promise<string | null> {
  return (await platform()).scanQRCode();
}

/** The sandbox's demo citizens; null outside sandbox builds. */
export async function getDemoCitizens(): Promise<DemoCitizens | null> {
  return (await platform()).demoCitizens ?? null;
}
