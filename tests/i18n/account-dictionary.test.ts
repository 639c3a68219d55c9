import { CONSENT_TEXT_VERSIONS } from '@/features/profile/consent-versions';
import { CONSENT_PURPOSES } from '@lao-cai-so/domain/consent';
import vi from '@/i18n/account/vi.json';

import { flattenDictionary } from '../support/dictionary';

// The profile feature's own namespace (sign-in states, consent texts, privacy), loaded with its chunk; key parity
// with English is checked with every other dictionary in dictionaries.test.ts.
describe('the account dictionaries', () => {
  const viEntries = flattenDictionary(vi);

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
