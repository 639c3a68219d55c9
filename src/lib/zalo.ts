// The only importer of zmp-sdk. The SDK is large, so it is loaded on first use and stays out of the initial bundle.
// Facts relied on here: shared/reference/zalo-platform.md ("The mini app in a browser", "Client APIs").
// Builds with VITE_ZALO_SANDBOX_URL (the demo and end-to-end builds) take the citizen's Zalo identity from the
// sandbox's client stand-ins (lib/zalo-sandbox.ts) instead, since zmp-sdk outside Zalo only gives canned values.
import { appConfig } from '@/config/app-config';

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

/** The display language of the Zalo app (e.g. "vi", "en"); undefined when the SDK cannot tell. */
export async function getZaloLanguage(): Promise<string | undefined> {
  try {
    const sdk = await loadSdk();
    const info = sdk.getSystemInfo();
    return info.zaloLanguage || info.language || undefined;
  } catch {
    return undefined;
  }
}

/** Zalo's per-app key-value store on the phone; null when it is unavailable (callers fall back). */
export async function getNativeStorage(): Promise<ZmpSdk['nativeStorage'] | null> {
  try {
    const sdk = await loadSdk();
    return sdk.nativeStorage;
  } catch {
    return null;
  }
}

/** True in the demo and end-to-end builds, where "the Zalo user" is a demo citizen of the sandbox. */
export const isZaloSandbox = appConfig.zaloSandboxUrl !== null;

// -1401: the user refused a permission prompt (getUserInfo, authorize); -201: the user refused (followOA,
// getPhoneNumber). zalo-platform.md, "Client APIs".
const REFUSED_CODES: readonly unknown[] = [-1401, -201];

/** A zmp-sdk failure (a plain `{ code, message }` object there) as an Error; `refused` when the citizen said no. */
export class ZaloError extends Error {
  readonly code: unknown;
  readonly refused: boolean;

  constructor(code: unknown, message = `Zalo error ${String(code)}`) {
    super(message);
    this.name = 'ZaloError';
    this.code = code;
    this.refused = REFUSED_CODES.includes(code);
  }
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

const sandbox = () => import('./zalo-sandbox');

/** A Zalo user access token for the proxy to verify; given without a prompt (it carries only the user id). */
export async function getAccessToken(): Promise<string> {
  if (isZaloSandbox) return (await sandbox()).getSandboxAccessToken();
  const token = await callZalo((sdk) => sdk.getAccessToken());
  if (!token) throw new ZaloError('NO_ACCESS_TOKEN', 'Zalo gave no access token');
  return token;
}

/** Asks Zalo for the citizen's phone: a single-use token for the proxy, valid two minutes. */
export async function getPhoneToken(): Promise<string> {
  if (isZaloSandbox) return (await sandbox()).getSandboxPhoneToken();
  const { token } = await callZalo((sdk) => sdk.getPhoneNumber());
  // Zalo answers without a token when the citizen closes the prompt.
  if (!token) throw new ZaloError(-201, 'Zalo gave no phone token');
  return token;
}

/**
 * Zalo's own prompt allowing the mini app to send the citizen notifications (through the app's shared OA); the
 * proxy may then send them mini app notifications. A refusal is a ZaloError with `refused` set.
 */
export async function requestSendNotification(): Promise<void> {
  if (isZaloSandbox) return (await sandbox()).allowSandboxNotifications();
  await callZalo((sdk) => sdk.requestSendNotification());
}

export interface ZaloProfile {
  id: string;
  name: string;
  avatar: string;
}

/** Zalo's own prompt to share name and avatar (scope.userInfo), then the profile it allows. */
export async function authorizeProfile(): Promise<ZaloProfile> {
  if (isZaloSandbox) return (await sandbox()).getSandboxProfile();
  return callZalo(async (sdk) => {
    const granted = await sdk.authorize({ scopes: ['scope.userInfo'] });
    if (granted['scope.userInfo'] === false) throw new ZaloError(-1401, 'scope.userInfo refused');
    const { userInfo } = await sdk.getUserInfo({});
    return { id: userInfo.id, name: userInfo.name, avatar: userInfo.avatar };
  });
}

/** How a share ended: sent through a share sheet, copied for the citizen to paste, or closed without sharing. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled';

export interface ShareContent {
  /** The message itself (plain text; links in it become tappable in Zalo). */
  text: string;
  /** A short title, where the share sheet shows one. */
  title?: string;
}

/**
 * Zalo's share sheet (openShareSheet, type "text") inside Zalo. Builds for the sandbox run in a plain browser, where
 * Zalo's sheet does not exist: there the browser's own share sheet (Web Share API) when it has one, else the text is
 * copied to the clipboard.
 */
export async function openShareSheet(content: ShareContent): Promise<ShareOutcome> {
  if (isZaloSandbox) return shareInBrowser(content);
  const result = await callZalo((sdk) =>
    sdk.openShareSheet({
      type: 'text',
      data: { text: content.text, description: content.title ?? '', autoParseLink: true },
    }),
  );
  // status 0: the citizen closed the sheet (zmp-sdk OpenShareSheetReturns).
  return result && result.status === 0 ? 'cancelled' : 'shared';
}

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

/**
 * The query of the link that opened the app (zmp-sdk getRouteParams on a cold start): a QR poster's
 * `?office=…&proc=…`, a notification button's `?application=…`. Builds for the sandbox run in a plain browser, where
 * the page's own URL is that link. Untrusted input: parse it with domain/deep-link.ts.
 */
export async function getLaunchParams(): Promise<Record<string, string>> {
  if (isZaloSandbox) return Object.fromEntries(new URLSearchParams(window.location.search));
  try {
    return (await loadSdk()).getRouteParams();
  } catch {
    return {};
  }
}

/**
 * Calls `listener` with the path Zalo gives (`d.path`, with its query) each time a deep link brings the app back from
 * the background (the OpenApp event). Returns the unsubscribe function.
 */
export function onOpenApp(listener: (path: string) => void): () => void {
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
}

/**
 * Zalo's camera scanner (scanQRCode): the text of the code, or null when the citizen closed the scanner (Zalo then
 * answers with an empty content). In sandbox builds, a stand-in that decodes a picked image or takes typed text.
 */
export async function scanQRCode(): Promise<string | null> {
  const { content } = isZaloSandbox
    ? await (await sandbox()).scanSandboxQRCode()
    : await callZalo((sdk) => sdk.scanQRCode());
  return content ? content : null;
}
