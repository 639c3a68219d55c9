import { useTranslation } from 'react-i18next';
import { i18n, loadDictionary, SUPPORTED_LANGUAGES, type Language } from './index';

type Dictionaries = Record<Language, () => Promise<{ default: Record<string, unknown> }>>;

function languageOf(code: string): Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(code) ? (code as Language) : 'vi';
}

/**
 * A feature's texts as a chunk of their own (initial bundle budget), merged under `key` of the app's dictionary when
 * first needed; `probe`, a key inside them, says they are loaded. `load` fetches them (the current language by
 * default); `useDictionary` gives them to a component and suspends (React Suspense) until they are loaded.
 */
export function featureDictionary(key: string, probe: string, dictionaries: Dictionaries) {
  const isLoaded = (language: Language) => i18n.getResource(language, 'translation', `${key}.${probe}`) !== undefined;

  async function load(language: Language = languageOf(i18n.language)): Promise<void> {
    // The app's own dictionary first: it is loaded only when its bundle is missing, so ours must not create it.
    await loadDictionary(language);
    const dictionary = await dictionaries[language]();
    if (!isLoaded(language)) {
      i18n.addResourceBundle(language, 'translation', { [key]: dictionary.default }, true, false);
    }
  }

  function useDictionary() {
    const translation = useTranslation();
    const language = languageOf(translation.i18n.language);
    if (!isLoaded(language)) throw load(language);
    return translation;
  }

  return { load, useDictionary };
}
