import type { TFunction } from 'i18next';

/** The status in plain Vietnamese (applications.status in the dictionary), by national code, else by state. */
export function statusLabel(
  t: TFunction,
  application: { status?: string; statusCode: number | null; statusName: string },
): string {
  const key =
    application.statusCode !== null ? String(application.statusCode) : (application.status ?? 'forwarding');
  return t(`applications.status.${key}`, { defaultValue: application.statusName });
}

/** The citizen must act (5 supply documents, 6 pay, 9 collect the result); the proxy says so too. */
export function needsCitizenAction(application: { statusCode: number | null; needsAction?: boolean }): boolean {
  return application.needsAction ?? [5, 6, 9].includes(application.statusCode ?? 0);
}
