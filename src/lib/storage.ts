import { getNativeStorage } from '@/lib/zalo';

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

export async function readSetting(key: string): Promise<string | null> {
  const native = await getNativeStorage();
  if (native) {
    try {
      const value = native.getItem(PREFIX + key);
      if (value) return value;
    } catch {
      // fall through to localStorage
    }
  }
  return readLocal(key);
}

export async function writeSetting(key: string, value: string): Promise<void> {
  writeLocal(key, value);
  const native = await getNativeStorage();
  try {
    native?.setItem(PREFIX + key, value);
  } catch {
    // localStorage already holds it
  }
}

export async function removeSetting(key: string): Promise<void> {
  try {
    window.localStorage.removeItem(PREFIX + key);
  } catch {
    // nothing stored there
  }
  const native = await getNativeStorage();
  try {
    native?.removeItem(PREFIX + key);
  } catch {
    // nothing stored there
  }
}
