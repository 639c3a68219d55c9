import vi from '@/features/applications/i18n/vi.json';
import en from '@/features/applications/i18n/en.json';

// The form's texts load with the form (a chunk of their own); both languages must say the same things.
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

describe('application form dictionaries', () => {
  const viEntries = flatten(vi);
  const enEntries = flatten(en);

  it('have the same keys in Vietnamese and English, each with text', () => {
    expect([...enEntries.keys()].sort()).toEqual([...viEntries.keys()].sort());
    const empty = [...viEntries, ...enEntries].filter(([, text]) => typeof text !== 'string' || text.trim() === '');
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
