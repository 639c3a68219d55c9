// Granting a consent, in the order the citizen expects: our explanation screen first (the caller), then Zalo's own
// prompt, then the record at the proxy. A "no" in Zalo's prompt therefore records nothing.
import { authorizeProfile, getAccessToken, getPhoneToken } from '@/lib/zalo';
import { answerConsent } from '../api/answer-consent';
import { sharePhone } from '../api/share-phone';
import type { Me } from '../types';
import { signIn } from '@/state/session';

export async function grantProfileConsent(): Promise<void> {
  await authorizeProfile();
  await answerConsent('profile', true);
  // The proxy reads name and avatar from Zalo when the citizen signs in, and keeps them only under this consent.
  await signIn({ quietly: true });
}

/**
 * The record only. Notifications are asked for together with the channels to turn on, and Zalo's prompt for the
 * mini app channel comes first (features/notifications/state/turn-on-channels.ts, composed by the consent page).
 */
export async function grantNotificationsConsent(): Promise<void> {
  await answerConsent('notifications', true);
}

export async function grantPhoneConsent(): Promise<Me> {
  const phoneToken = await getPhoneToken();
  await answerConsent('phone', true);
  return sharePhone({ phoneToken, accessToken: await getAccessToken() });
}
