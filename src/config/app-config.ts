/** Values fixed at build time (vite.config.ts `define`; tests/support/setup.ts under jest). */
export interface AppConfig {
  /** Base URL of the proxy API, without a trailing slash. */
  apiBaseUrl: string;
  /** The fake Zalo platform of the sandbox, when the build targets it; null in production. */
  zaloSandboxUrl: string | null;
  /** The mini app's Zalo App ID: deep links and QR posters of this app are `https://zalo.me/s/<zaloAppId>/…`. */
  zaloAppId: string;
}

declare const __APP_CONFIG__: AppConfig;

export const appConfig: AppConfig = __APP_CONFIG__;
