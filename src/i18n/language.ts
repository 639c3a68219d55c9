import { i18n, loadDictionary, DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '@/i18n';
import { getZaloLanguage } from '@/lib/zalo';
import { readSetting, writeSetting } from '@/lib/storage';

const LANGUAGE_SETTING = 'language';

function toLanguage(value: string | null | undefined): Language | undefined {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return SUPPORTED_LANGUAGES.find((language) => language === base);
}

async function applyLanguage(language: Language): Promise<void> {
  await loadDictionary(language);
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** At start: the citizen's saved choice wins; otherwise the language of their Zalo app; otherwise Vietnamese. */
export async function initLanguage(): Promise<Language> {
  const language =
    toLanguage(await readSetting(LANGUAGE_SETTING)) ?? toLanguage(await getZaloLanguage()) ?? DEFAULT_LANGUAGE;
  await applyLanguage(language);
  return language;
}

export async function chooseLanguage(language: Language): Promise<void> {
  await applyLanguage(language);
  await writeSetting(LANGUAGE_SETTING, language);
}
