/** A day as people write it in Vietnam (22/11/2025), in Vietnam's time zone; English spells the month out. */
export function formatDate(iso: string, language: string | undefined): string {
  const options: Intl.DateTimeFormatOptions =
    language === 'en'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' };
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', options).format(new Date(iso));
}
