// Dates as citizens read them, in Vietnam time whatever the phone's zone (UTC+7, no daylight saving).
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** e.g. "09:30 22/11/2026". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const [year, month, day] = local.slice(0, 10).split('-');
  return `${local.slice(11, 16)} ${day}/${month}/${year}`;
}

/** e.g. "30/11/2026". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const [year, month, day] = new Date(date.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** e.g. "Thứ Hai, 30/11/2026". */
export function formatDueDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** e.g. "50.000 đồng". */
export function formatMoney(amount: number, language: string): string {
  const number = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 0 }).format(amount);
  return language === 'en' ? `${number} VND` : `${number} đồng`;
}
