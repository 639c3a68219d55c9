import { toVietnamLocal } from '../vietnam-time';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh, the date format of DVCQG synchronisation. */
export function formatDvcqgDate(instant: Date): string {
  const t = toVietnamLocal(instant);
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** `yymmdd` of the local day, the middle part of receipt codes. */
export function localYymmdd(instant: Date): string {
  return formatDvcqgDate(instant).slice(2, 8);
}

/** `dd/MM/yyyy` as officers write dates in notes. */
export function formatVietnameseDate(instant: Date): string {
  const t = toVietnamLocal(instant);
  return `${pad(t.day)}/${pad(t.month)}/${t.year}`;
}

/** `dd/MM/yyyy HH:mm` local, for the officer console. */
export function formatVietnameseDateTime(instant: Date): string {
  const t = toVietnamLocal(instant);
  return `${pad(t.day)}/${pad(t.month)}/${t.year} ${pad(t.hour)}:${pad(t.minute)}`;
}
