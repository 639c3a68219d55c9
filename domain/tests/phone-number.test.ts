import { maskPhoneNumber, normalizePhoneNumber } from '../src/phone-number';

test.each([
  ['84912345678', '84912345678'],
  ['+84912345678', '84912345678'],
  ['0912345678', '84912345678'],
  ['0912 345 678', '84912345678'],
  ['091.234.5678', '84912345678'],
  [' +84 91 234 5678 ', '84912345678'],
])('normalises %s to %s', (raw, expected) => {
  expect(normalizePhoneNumber(raw)).toBe(expected);
});

test.each(['', '84', '8491234567', '849123456789', '0912-abc-678', '14155550100', '++84912345678'])(
  'refuses %j',
  (raw) => {
    expect(normalizePhoneNumber(raw)).toBeNull();
  },
);

test('masks all but the last three digits', () => {
  expect(maskPhoneNumber('84912345678')).toBe('•••• ••• 678');
  expect(maskPhoneNumber('84912000101')).toBe('•••• ••• 101');
});
