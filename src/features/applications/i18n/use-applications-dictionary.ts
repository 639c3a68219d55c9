import { useTranslation } from 'react-i18next';
import { i18n, loadDictionary, SUPPORTED_LANGUAGES, type Language } from '@/i18n';

// The form's texts are a chunk of their own, loaded with the form, to keep the initial bundle in budget; they are
// merged under the "applications" key of the app's dictionary (src/i18n) when first needed.
const DICTIONARIES: Record<Language, () => Promise<{ default: Record<string, unknown> }>> = {
  vi: () => import('./vi.json'),
  en: () => import('./en.json'),
};

function languageOf(code: string): Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'vi';
}

function isLoaded(language: Language): boolean {
  return i18n.getResource(language, 'translation', 'applications.start') !== undefined;
}

export async function loadApplicationsDictionary(language: Language): Promise<void> {
  // The app's own dictionary first: it is loaded only when its bundle is missing, so ours must not create it.
  await loadDictionary(language);
  const dictionary = await DICTIONARIES[language]();
  if (!isLoaded(language)) {
    i18n.addResourceBundle(language, 'translation', { applications: dictionary.default }, true, false);
  }
}

/** The form's texts in the current language; suspends (React Suspense) until they are loaded. */
export function useApplicationsDictionary() {
  const translation = useTranslation();
  const language = languageOf(translation.i18n.language);
  if (!isLoaded(language)) throw loadApplicationsDictionary(language);
  return translation;
}
