import { joinSearchTexts, normalizeSearchText, searchWords } from '../src/search-text';

test.each([
  ['Đăng ký khai sinh', 'dang ky khai sinh'],
  ['ĐĂNG KÝ KHAI SINH', 'dang ky khai sinh'],
  ['dang ky khai sinh', 'dang ky khai sinh'],
  // Decomposed (NFD) input, as some keyboards send it.
  ['Đăng ký khai sinh'.normalize('NFD'), 'dang ky khai sinh'],
  ['  Chứng thực   bản sao, từ bản chính! ', 'chung thuc ban sao tu ban chinh'],
  ['Xã Mù Cang Chải', 'xa mu cang chai'],
  ['Ủy ban nhân dân xã, phường', 'uy ban nhan dan xa phuong'],
  ['1.001193', '1 001193'],
  ['%_\\', ''],
])('normalizeSearchText(%j) = %j', (input, expected) => {
  expect(normalizeSearchText(input)).toBe(expected);
});

test('searchWords keeps distinct words in order', () => {
  expect(searchWords('khai sinh khai tu')).toEqual(['khai', 'sinh', 'tu']);
  expect(searchWords('')).toEqual([]);
});

test('joinSearchTexts keeps parts apart so a phrase cannot span two of them', () => {
  const joined = joinSearchTexts(['xã Hồ Bốn', null, 'xã Khao Mang']);
  expect(joined).toBe('xa ho bon / xa khao mang');
  expect(joined.includes(normalizeSearchText('Bốn xã'))).toBe(false);
});
