import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const SUPPORTED_LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

// Vietnamese is bundled, so initialisation is synchronous and the first render has its text; other languages are
// fetched when chosen (initial bundle budget).
const LAZY_DICTIONARIES: Record<Exclude<Language, 'vi'>, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import('./en.json'),
};

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false },
  showSupportNotice: false,
});

export async function loadDictionary(language: Language): Promise<void> {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  const dictionary = await LAZY_DICTIONARIES[language]();
  i18n.addResourceBundle(language, 'translation', dictionary.default);
}

export { i18n };
