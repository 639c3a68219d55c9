import { CONSENT_TEXT_VERSIONS } from '@/features/profile/consent-versions';
import { CONSENT_PURPOSES } from '@/features/profile/types';
import vi from '@/i18n/account/vi.json';
import en from '@/i18n/account/en.json';

// The profile feature's own namespace (sign-in states, consent texts, privacy), loaded with its chunk.
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(path, leaf);
    }
  } else {
    entries.set(prefix, value);
  }
  return entries;
}

describe('the account dictionaries', () => {
  const viEntries = flatten(vi);
  const enEntries = flatten(en);

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

  it('name every consent purpose, say what withdrawing it deletes, and give each a text version', () => {
    for (const purpose of CONSENT_PURPOSES) {
      expect(viEntries.get(`purpose.${purpose}`)).toEqual(expect.any(String));
      expect(viEntries.get(`withdrawEffect.${purpose}`)).toMatch(/xóa|ngừng/);
      expect(CONSENT_TEXT_VERSIONS[purpose]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('explain each consent asked for in the app: why, what is kept, that it can be withdrawn', () => {
    for (const purpose of ['profile', 'phone']) {
      for (const part of ['title', 'why', 'kept', 'withdraw', 'zaloNext', 'agree', 'refused']) {
        expect(viEntries.has(`consent.${purpose}.${part}`)).toBe(true);
      }
      expect(viEntries.get(`consent.${purpose}.withdraw`)).toMatch(/rút lại/);
    }
  });
});
