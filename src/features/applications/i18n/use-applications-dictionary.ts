import { featureDictionary } from '@/i18n/feature-dictionary';

// The form's texts are a chunk of their own, loaded with the form, to keep the initial bundle in budget; they are
// merged under the "applications" key of the app's dictionary (src/i18n) when first needed.
const applications = featureDictionary('applications', 'start', {
  vi: () => import('./vi.json'),
  en: () => import('./en.json'),
});

export const loadApplicationsDictionary = applications.load;

/** The form's texts in the current language; suspends (React Suspense) until they are loaded. */
export const useApplicationsDictionary = applications.useDictionary;
