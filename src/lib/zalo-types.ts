// What the mini app asks of the Zalo platform (lib/zalo.ts), and the shapes both implementations share: zmp-sdk
// inside Zalo, and the sandbox's stand-in for browser builds (lib/zalo-sandbox.ts).

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

export interface ZaloProfile {
  id: string;
  name: string;
  avatar: string;
}

/** How a share ended: sent through a share sheet, copied for the citizen to paste, or closed without sharing. */
export type ShareOutcome = 'shared' | 'copied' | 'cancelled';

export interface ShareContent {
  /** The message itself (plain text; links in it become tappable in Zalo). */
  text: string;
  /** A short title, where the share sheet shows one. */
  title?: string;
}

/** Zalo's per-app key-value store on the phone (zmp-sdk nativeStorage). */
export interface NativeStore {
  getItem(key: string): string;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A demo citizen of the sandbox, who plays "the Zalo user" in browser builds. */
export interface DemoCitizen extends ZaloProfile {
  description: string;
}

/** The sandbox's choice of demo citizen (Cá nhân › "Đổi công dân mẫu"). */
export interface DemoCitizens {
  list(): Promise<DemoCitizen[]>;
  current(): Promise<DemoCitizen>;
  choose(id: string): Promise<void>;
}

/** Everything the app asks of Zalo; failures are ZaloErrors. */
export interface ZaloPlatform {
  /** The display language of the Zalo app (e.g. "vi", "en"); undefined when it cannot tell. */
  language(): Promise<string | undefined>;
  /** Zalo's key-value store on the phone; null when it is unavailable (callers fall back). */
  nativeStorage(): Promise<NativeStore | null>;
  /** A Zalo user access token for the proxy to verify; given without a prompt. */
  getAccessToken(): Promise<string>;
  /** Asks for the citizen's phone: a single-use token for the proxy. */
  getPhoneToken(): Promise<string>;
  /** Zalo's prompt allowing the mini app to send the citizen notifications. */
  requestSendNotification(): Promise<void>;
  /** Zalo's prompt to share name and avatar, then the profile it allows. */
  authorizeProfile(): Promise<ZaloProfile>;
  openShareSheet(content: ShareContent): Promise<ShareOutcome>;
  /** The query of the link that opened the app. */
  getLaunchParams(): Promise<Record<string, string>>;
  /** Calls `listener` with the path of each deep link that brings the app back; returns the unsubscribe. */
  onOpenApp(listener: (path: string) => void): () => void;
  /** The text of a scanned code; null when the citizen closed the scanner. */
  scanQRCode(): Promise<string | null>;
  /** Only in sandbox builds: which demo citizen plays the Zalo user. */
  demoCitizens?: DemoCitizens;
}
