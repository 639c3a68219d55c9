// Dates on the wire of the one-stop system: `yyyyMMddHHmmss` in Asia/Ho_Chi_Minh (DVCQG synchronisation,
// shared/reference/public-service-domain.md). Pure, built on the working-day rule's Vietnam-time conversions.
import { fromVietnamLocal, toVietnamLocal } from './working-days';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatDvcqgDate(instant: Date): string {
  const t = toVietnamLocal(instant);
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`;
}

/** The instant of a `yyyyMMddHHmmss` Vietnam time; null for anything else (including 30 February). */
export function parseDvcqgDate(text: string): Date | null {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const instant = fromVietnamLocal({ year, month, day, hour, minute, second });
  // fromVietnamLocal rolls an impossible day over into the next month; such a date is refused.
  return toVietnamLocal(instant).day === day ? instant : null;
}
