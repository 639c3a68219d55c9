import {
  CONSENT_PURPOSES,
  CONSENT_TEXTS,
  type ConsentGrant,
  dataCoveredBy,
  decideConsentChange,
  isConsentPurpose,
  summarizeConsent,
} from '../src/consent';

const day = (iso: string) => new Date(`${iso}T08:00:00Z`);
const CURRENT = CONSENT_TEXTS.phone.version;

test('the purposes are profile, phone and notifications, each with a Vietnamese text and a version', () => {
  expect(CONSENT_PURPOSES).toEqual(['profile', 'phone', 'notifications']);
  for (const purpose of CONSENT_PURPOSES) {
    const { version, title, text } = CONSENT_TEXTS[purpose];
    expect(version).toMatch(/\S/);
    expect(title).toMatch(/\S/);
    expect(text).toMatch(/rút lại đồng ý/);
  }
});

test('each purpose covers its own data, and no data item belongs to two purposes', () => {
  expect(dataCoveredBy('profile')).toEqual(['name', 'avatar']);
  expect(dataCoveredBy('phone')).toEqual(['phone']);
  expect(dataCoveredBy('notifications')).toEqual(['notificationSettings']);
  const all = CONSENT_PURPOSES.flatMap(dataCoveredBy);
  expect(new Set(all).size).toBe(all.length);
});

test('isConsentPurpose accepts only the three purposes', () => {
  expect(CONSENT_PURPOSES.every(isConsentPurpose)).toBe(true);
  for (const other of ['marketing', 'Phone', '', 'toString', '__proto__']) expect(isConsentPurpose(other)).toBe(false);
});

describe('summarizeConsent', () => {
  test('never granted', () => {
    expect(summarizeConsent('phone', [])).toEqual({
      purpose: 'phone',
      granted: false,
      textVersion: null,
      grantedAt: null,
      withdrawnAt: null,
      currentTextVersion: CURRENT,
      renewalNeeded: false,
    });
  });

  test('the latest grant decides, whatever the order of the history', () => {
    const history: ConsentGrant[] = [
      { textVersion: CURRENT, grantedAt: day('2026-03-01'), withdrawnAt: null },
      { textVersion: CURRENT, grantedAt: day('2026-02-01'), withdrawnAt: day('2026-02-10') },
    ];
    expect(summarizeConsent('phone', history)).toMatchObject({ granted: true, grantedAt: day('2026-03-01'), withdrawnAt: null });
    expect(summarizeConsent('phone', [...history].reverse())).toMatchObject({ granted: true, grantedAt: day('2026-03-01') });
  });

  test('withdrawn: not granted, with both dates', () => {
    const status = summarizeConsent('phone', [{ textVersion: CURRENT, grantedAt: day('2026-02-01'), withdrawnAt: day('2026-02-10') }]);
    expect(status).toMatchObject({ granted: false, textVersion: CURRENT, grantedAt: day('2026-02-01'), withdrawnAt: day('2026-02-10'), renewalNeeded: false });
  });

  test('granted to an older text: still granted, renewal needed', () => {
    const status = summarizeConsent('phone', [{ textVersion: '2025-01-01', grantedAt: day('2025-02-01'), withdrawnAt: null }]);
    expect(status).toMatchObject({ granted: true, textVersion: '2025-01-01', renewalNeeded: true });
  });
});

describe('decideConsentChange', () => {
  const never = summarizeConsent('phone', []);
  const current = summarizeConsent('phone', [{ textVersion: CURRENT, grantedAt: day('2026-02-01'), withdrawnAt: null }]);
  const older = summarizeConsent('phone', [{ textVersion: '2025-01-01', grantedAt: day('2025-02-01'), withdrawnAt: null }]);

  test.each([
    ['grant when never granted', never, { granted: true, textVersion: CURRENT }, 'grant'],
    ['nothing when granted again to the same text', current, { granted: true, textVersion: CURRENT }, 'unchanged'],
    ['renew a grant of an older text', older, { granted: true, textVersion: CURRENT }, 'renew'],
    ['refuse agreeing to a text that is not current', never, { granted: true, textVersion: '2025-01-01' }, 'outdated-text'],
    ['refuse a grant without a version', never, { granted: true }, 'outdated-text'],
    ['withdraw a grant in force', current, { granted: false }, 'withdraw'],
    ['withdraw an outdated grant in force', older, { granted: false }, 'withdraw'],
    ['nothing when withdrawing what was never granted', never, { granted: false }, 'unchanged'],
  ] as const)('%s', (_case, status, answer, expected) => {
    expect(decideConsentChange(status, answer)).toBe(expected);
  });
});
