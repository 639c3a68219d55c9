import type { ConsentPurpose } from './types';

/**
 * The version of each consent text the app shows; the texts are `consent.<purpose>.*` in src/i18n/account/*.json.
 * Change the version whenever the wording there changes: the proxy records the version the citizen agreed to and
 * refuses a grant of a version that is not its current one (409 CONSENT_TEXT_OUTDATED).
 */
export const CONSENT_TEXT_VERSIONS: Readonly<Record<ConsentPurpose, string>> = {
  profile: '2026-01-15',
  phone: '2026-01-15',
  notifications: '2026-01-15',
};
