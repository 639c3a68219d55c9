import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, type Language } from '@/i18n';
import { chooseLanguage } from '@/i18n/language';
import { notify } from '@/lib/notify';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="choice-group">
      <legend>{t('profile.language')}</legend>
      {SUPPORTED_LANGUAGES.map((language: Language) => (
        <label key={language} className="choice">
          <input
            type="radio"
            name="language"
            value={language}
            checked={i18n.resolvedLanguage === language}
            onChange={() => void chooseLanguage(language).then(() => notify({ text: t('profile.languageSaved'), type: 'success' }))}
          />
          <span lang={language}>{t(`profile.${language}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
