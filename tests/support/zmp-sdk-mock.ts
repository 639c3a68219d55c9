// Stands in for zmp-sdk under jest (mapped in jest.config.js): the real SDK decides its behaviour from the host
// name and needs a Zalo webview. Only what src/lib/zalo.ts uses is provided; tests steer it through zmpSdkMock.
const storage = new Map<string, string>();

export const zmpSdkMock = {
  zaloLanguage: 'vi',
  storage,
  reset(): void {
    this.zaloLanguage = 'vi';
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
