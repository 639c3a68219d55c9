import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, type Language } from '@/i18n';
import { chooseLanguage } from '@/i18n/language';
import { notify } from '@/lib/notify';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  // A dictionary may still be loading after the tap; the radio shows the choice at once.
  const [pending, setPending] = useState<Language | null>(null);
  const selected = pending ?? i18n.resolvedLanguage;

  const choose = async (language: Language) => {
    setPending(language);
    await chooseLanguage(language);
    setPending(null);
    notify({ text: t('profile.languageSaved', { lng: language }), type: 'success' });
  };

  return (
    <fieldset className="choice-group">
      <legend>{t('profile.language')}</legend>
      {SUPPORTED_LANGUAGES.map((language) => (
        <label key={language} className="choice">
          <input
            type="radio"
            name="language"
            value={language}
            checked={selected === language}
            onChange={() => void choose(language)}
          />
          <span lang={language}>{t(`profile.${language}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
