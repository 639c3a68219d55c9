// Every dictionary the app loads (the main one, and those that load with a feature's chunk) must say the same
// things in Vietnamese and English.
import vi from '@/i18n/vi.json';
import en from '@/i18n/en.json';
import accountVi from '@/i18n/account/vi.json';
import accountEn from '@/i18n/account/en.json';
import applicationsVi from '@/features/applications/i18n/vi.json';
import applicationsEn from '@/features/applications/i18n/en.json';
import notificationsVi from '@/features/notifications/i18n/vi.json';
import notificationsEn from '@/features/notifications/i18n/en.json';
import entryVi from '@/features/entry/i18n/vi.json';
import entryEn from '@/features/entry/i18n/en.json';
import { flattenDictionary } from '../support/dictionary';

describe.each([
  ['main', vi, en],
  ['account', accountVi, accountEn],
  ['application form', applicationsVi, applicationsEn],
  ['notifications', notificationsVi, notificationsEn],
  ['entry (deep links, QR scanner)', entryVi, entryEn],
])('the %s dictionaries', (_name, viDictionary, enDictionary) => {
  const viEntries = flattenDictionary(viDictionary);
  const enEntries = flattenDictionary(enDictionary);

  it('have exactly the same keys in Vietnamese and English', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
  });

  it.each([
    ['vi', viEntries],
    ['en', enEntries],
  ])('%s has a non-empty text for every key', (_language, entries) => {
    const empty = [...entries].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const mismatched = [...viEntries.keys()].filter(
      (key) => variables(viEntries.get(key)).join() !== variables(enEntries.get(key)).join(),
    );
    expect(mismatched).toEqual([]);
  });
});
