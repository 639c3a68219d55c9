// Stands in for zmp-sdk under jest (mapped in jest.config.js): the real SDK decides its behaviour from the host
// name and needs a Zalo webview. Only what src/lib/zalo.ts uses is provided; tests steer it through zmpSdkMock.
// Failures are plain `{ code, message }` objects, as the real SDK rejects with.
const storage = new Map<string, string>();

export interface MockZaloUser {
  id: string;
  name: string;
  avatar: string;
}

export const defaultZaloUser: MockZaloUser = {
  id: '3368637342326461234',
  name: 'Giàng Thị Mỷ',
  avatar: 'https://zalo.test/avatar/my.jpg',
};

export const zmpSdkMock = {
  zaloLanguage: 'vi',
  storage,
  user: defaultZaloUser,
  /** How many access and phone tokens were handed out; each token is new (`zalo-access-1`, `zalo-phone-1`…). */
  accessTokensIssued: 0,
  phoneTokensIssued: 0,
  /** Zalo's own prompts, in the order the app asked for them. */
  prompts: [] as string[],
  /** Set to make the next calls reject like the SDK does, e.g. `{ code: -1401 }` when the user refuses. */
  accessTokenError: null as { code: number; message?: string } | null,
  authorizeError: null as { code: number; message?: string } | null,
  phoneError: null as { code: number; message?: string } | null,
  notificationError: null as { code: number; message?: string } | null,
  /** The query of the link that opened the app (getRouteParams). */
  routeParams: {} as Record<string, string>,
  /** What the camera scanner reads next: the code's text, '' when the citizen closes it, or a rejection. */
  scanResult: { content: '' } as { content: string } | { error: { code: number; message?: string } },
  reset(): void {
    this.zaloLanguage = 'vi';
    this.user = defaultZaloUser;
    this.accessTokensIssued = 0;
    this.phoneTokensIssued = 0;
    this.prompts = [];
    this.accessTokenError = null;
    this.authorizeError = null;
    this.phoneError = null;
    this.notificationError = null;
    this.routeParams = {};
    this.scanResult = { content: '' };
    events.removeAllListeners();
    storage.clear();
  },
};

export function getSystemInfo() {
  return {
    version: '',
    apiVersion: '2.51.6',
    zaloVersion: '',
    platform: '' as const,
    language: 'en-US',
    zaloLanguage: zmpSdkMock.zaloLanguage,
    zaloTheme: 'light',
  };
}

export const nativeStorage = {
  getItem: (key: string): string => storage.get(key) ?? '',
  setItem: (key: string, value: string): void => {
    storage.set(key, value);
  },
  removeItem: (key: string): void => {
    storage.delete(key);
  },
  clear: (): void => storage.clear(),
};

export async function getAccessToken(): Promise<string> {
  if (zmpSdkMock.accessTokenError) throw zmpSdkMock.accessTokenError;
  zmpSdkMock.accessTokensIssued += 1;
  return `zalo-access-${zmpSdkMock.accessTokensIssued}`;
}

export async function authorize({ scopes = [] }: { scopes?: string[] } = {}): Promise<Record<string, boolean>> {
  zmpSdkMock.prompts.push(`authorize:${scopes.join(',')}`);
  if (zmpSdkMock.authorizeError) throw zmpSdkMock.authorizeError;
  return Object.fromEntries(scopes.map((scope) => [scope, true]));
}

export async function getUserInfo(): Promise<{ userInfo: MockZaloUser }> {
  if (zmpSdkMock.authorizeError) throw zmpSdkMock.authorizeError;
  return { userInfo: zmpSdkMock.user };
}

export async function getPhoneNumber(): Promise<{ token?: string }> {
  zmpSdkMock.prompts.push('getPhoneNumber');
  if (zmpSdkMock.phoneError) throw zmpSdkMock.phoneError;
  zmpSdkMock.phoneTokensIssued += 1;
  return { token: `zalo-phone-${zmpSdkMock.phoneTokensIssued}` };
}

export async function requestSendNotification(): Promise<void> {
  zmpSdkMock.prompts.push('requestSendNotification');
  if (zmpSdkMock.notificationError) throw zmpSdkMock.notificationError;
}

export function getRouteParams(): Record<string, string> {
  return { ...zmpSdkMock.routeParams };
}

export async function scanQRCode(): Promise<{ content: string }> {
  zmpSdkMock.prompts.push('scanQRCode');
  const result = zmpSdkMock.scanResult;
  if ('error' in result) throw result.error;
  return result;
}

/** The names zmp-sdk exports as EventName; tests emit `events.emit(EventName.OpenApp, { path })`. */
export const EventName = { OpenApp: 'h5.event.open.mp' } as const;

type Listener = (data: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

/** zmp-sdk's event emitter, as far as the app uses it. */
export const events = {
  on(name: string, listener: Listener): void {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)!.add(listener);
  },
  off(name: string, listener: Listener): void {
    listeners.get(name)?.delete(listener);
  },
  emit(name: string, data: unknown): void {
    for (const listener of [...(listeners.get(name) ?? [])]) listener(data);
  },
  listenerCount(name: string): number {
    return listeners.get(name)?.size ?? 0;
  },
  removeAllListeners(): void {
    listeners.clear();
  },
};
