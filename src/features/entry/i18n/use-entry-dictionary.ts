import { featureDictionary } from '@/i18n/feature-dictionary';

// The texts of the ways into the app (deep links, the QR scanner, "Nộp hồ sơ tại đây") are a chunk of their own,
// loaded with the first screen that needs them; merged under the "entry" key of the app's dictionary (src/i18n), as
// the application form's texts are.
const entry = featureDictionary('entry', 'scan.button', {
  vi: () => import('./vi.json'),
  en: () => import('./en.json'),
});

export const loadEntryDictionary = entry.load;

/** The entry texts in the current language; suspends (React Suspense) until they are loaded. */
export const useEntryDictionary = entry.useDictionary;
