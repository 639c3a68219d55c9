import {
  buildDeepLink,
  hasEntryTarget,
  parseEntryParams,
  parseScannedCode,
} from '../src/deep-link';

const APP_ID = '1234567890123456789';
const APPLICATION_ID = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';

describe('buildDeepLink', () => {
  it('builds the office link of a poster', () => {
    expect(buildDeepLink(APP_ID, { office: '04465' })).toBe('https://zalo.me/s/1234567890123456789/?office=04465');
  });

  it('builds an office and procedure link, office first', () => {
    expect(buildDeepLink(APP_ID, { proc: '1.001193', office: 'H38' })).toBe(
      'https://zalo.me/s/1234567890123456789/?office=H38&proc=1.001193',
    );
  });

  it('builds the link of a dossier for notification buttons', () => {
    expect(buildDeepLink(APP_ID, { application: APPLICATION_ID })).toBe(
      `https://zalo.me/s/1234567890123456789/?application=${APPLICATION_ID}`,
    );
  });

  it('refuses values that would not parse back, and an app id that is not Zalo’s', () => {
    expect(() => buildDeepLink(APP_ID, { office: '<b>' })).toThrow(/invalid office/);
    expect(() => buildDeepLink('abc', { office: '04465' })).toThrow(/mini app id/);
  });

  it('parses back what it builds', () => {
    const link = new URL(buildDeepLink(APP_ID, { office: '04465', proc: '1.001193' }));
    expect(parseEntryParams(link.searchParams)).toEqual({
      target: { office: '04465', proc: '1.001193' },
      rejected: [],
    });
  });
});

describe('parseEntryParams', () => {
  it('ignores the keys Zalo and campaigns add', () => {
    const parsed = parseEntryParams({ office: '04465', env: 'TESTING', version: '12', zshareId: '99', utm_source: 'poster' });
    expect(parsed).toEqual({ target: { office: '04465' }, rejected: [] });
  });

  it('drops markup, over-long and malformed values of known keys and says which', () => {
    const parsed = parseEntryParams({
      office: '<script>alert(1)</script>',
      proc: `1.${'9'.repeat(80)}`,
      application: 'not-a-uuid',
    });
    expect(parsed.target).toEqual({});
    expect(parsed.rejected).toEqual(['office', 'proc', 'application']);
  });

  it('drops values that are not strings (route params from a broken client)', () => {
    expect(parseEntryParams({ office: ['04465'], proc: 1.001193 })).toEqual({ target: {}, rejected: ['office', 'proc'] });
  });

  it('reports no target for an empty query', () => {
    const parsed = parseEntryParams(new URLSearchParams(''));
    expect(parsed.rejected).toEqual([]);
    expect(hasEntryTarget(parsed.target)).toBe(false);
  });
});

describe('parseScannedCode', () => {
  it('reads an office poster of this app', () => {
    expect(parseScannedCode(`https://zalo.me/s/${APP_ID}/?office=04465&proc=1.001193&utm_source=poster`, APP_ID)).toEqual({
      kind: 'deep-link',
      target: { office: '04465', proc: '1.001193' },
    });
  });

  it('reads a receipt code in any case', () => {
    expect(parseScannedCode(' 04465-261122-0007 ', APP_ID)).toEqual({ kind: 'receipt', receiptCode: '04465-261122-0007' });
    expect(parseScannedCode('h38-261122-0001', APP_ID)).toEqual({ kind: 'receipt', receiptCode: 'H38-261122-0001' });
  });

  it('does not take another mini app, another site or plain text for ours', () => {
    expect(parseScannedCode('https://zalo.me/s/999/?office=04465', APP_ID)).toEqual({ kind: 'unknown' });
    expect(parseScannedCode(`http://zalo.me/s/${APP_ID}/?office=04465`, APP_ID)).toEqual({ kind: 'unknown' });
    expect(parseScannedCode(`https://evil.example/s/${APP_ID}/?office=04465`, APP_ID)).toEqual({ kind: 'unknown' });
    expect(parseScannedCode(`https://zalo.me/s/${APP_ID}/?office=bad`, APP_ID)).toEqual({ kind: 'unknown' });
    expect(parseScannedCode('Xin chào', APP_ID)).toEqual({ kind: 'unknown' });
    expect(parseScannedCode('WIFI:S:office;T:WPA;P:secret;;', APP_ID)).toEqual({ kind: 'unknown' });
  });
});
