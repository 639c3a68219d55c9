import type { NativeStore } from './zalo-types';

// Zalo's nativeStorage survives webview cache clearing; localStorage is the fallback where it throws.
const PREFIX = 'lao-cai-so:';

function readLocal(key: string): string | null {
  try {
    return window.localStorage.getItem(PREFIX + key);
  } catch {
    return null;
  }
}

function writeLocal(key: string, value: string): void {
  try {
    window.localStorage.setItem(PREFIX + key, value);
  } catch {
    // Private mode or a full quota: the value lives for this session only.
  }
}

export interface SettingsStore {
  readSetting(key: string): Promise<string | null>;
  writeSetting(key: string, value: string): Promise<void>;
  removeSetting(key: string): Promise<void>;
}

/** Small settings kept on the phone, in the native store the platform gives (and in localStorage as a fallback). */
export function createSettingsStore(nativeStore: () => Promise<NativeStore | null>): SettingsStore {
  return {
    async readSetting(key) {
      const native = await nativeStore();
      if (native) {
        try {
          const value = native.getItem(PREFIX + key);
          if (value) return value;
        } catch {
          // fall through to localStorage
        }
      }
      return readLocal(key);
    },

    async writeSetting(key, value) {
      writeLocal(key, value);
      const native = await nativeStore();
      try {
        native?.setItem(PREFIX + key, value);
      } catch {
        // localStorage already holds it
      }
    },

    async removeSetting(key) {
      try {
        window.localStorage.removeItem(PREFIX + key);
      } catch {
        // nothing stored there
      }
      const native = await nativeStore();
      try {
        native?.removeItem(PREFIX + key);
      } catch {
        // nothing stored there
      }
    },
  };
}
