import { useTranslation } from 'react-i18next';
import { i18n, loadDictionary, SUPPORTED_LANGUAGES, type Language } from '@/i18n';

// The texts of the ways into the app (deep links, the QR scanner, "Nộp hồ sơ tại đây") are a chunk of their own,
// loaded with the first screen that needs them (initial bundle budget); merged under the "entry" key of the app's
// dictionary (src/i18n), as the application form's texts are.
const DICTIONARIES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('./vi.json'),
  en: () => import('./en.json'),
};

function languageOf(code: string): Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'vi';
}

function isLoaded(language: Language): boolean {
  return i18n.getResource(language, 'translation', 'entry.scan.button') !== undefined;
}

export async function loadEntryDictionary(language: Language = languageOf(i18n.language)): Promise<void> {
  // The app's own dictionary first: it is loaded only when its bundle is missing, so ours must not create it.
  await loadDictionary(language);
  const dictionary = await DICTIONARIES[language]();
  if (!isLoaded(language)) {
    i18n.addResourceBundle(language, 'translation', { entry: dictionary.default }, true, false);
  }
}

/** The entry texts in the current language; suspends (React Suspense) until they are loaded. */
export function useEntryDictionary() {
  const translation = useTranslation();
  const language = languageOf(translation.i18n.language);
  if (!isLoaded(language)) throw loadEntryDictionary(language);
  return translation;
}
