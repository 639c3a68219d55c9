import { createSettingsStore } from './settings-store';
import { getNativeStorage } from './zalo';

/** The app's settings on the phone: Zalo nativeStorage, localStorage as the fallback. */
export const { readSetting, writeSetting, removeSetting } = createSettingsStore(getNativeStorage);
