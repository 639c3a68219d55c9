// The only importer of zmp-sdk. The SDK is large, so it is loaded on first use and stays out of the initial bundle.
// Facts relied on here: shared/reference/zalo-platform.md ("The mini app in a browser", "Client APIs").
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
