/** Consent purposes the proxy records (server/src/domain/consent.ts). */
export const CONSENT_PURPOSES = ['profile', 'phone', 'notifications'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** GET /api/v1/me: name and avatar only while the profile consent is granted, the phone while the phone one is. */
export interface Me {
  id: string;
  name: string | null;
  avatar: string | null;
  phone: { number: string; masked: string } | null;
}

/** One entry of GET /api/v1/me/consents. */
export interface ConsentStatus {
  purpose: ConsentPurpose;
  granted: boolean;
  textVersion: string | null;
  grantedAt: string | null;
  withdrawnAt: string | null;
  currentTextVersion: string;
  renewalNeeded: boolean;
}
