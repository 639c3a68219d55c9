// The profile feature's texts (sign-in states, consent screens, privacy) are the `account` namespace, loaded with
// this feature's lazy chunk in both languages rather than in the initial bundle.
import { i18n } from '@/i18n';
import vi from '@/i18n/account/vi.json';
import en from '@/i18n/account/en.json';

export const ACCOUNT_NS = 'account';

i18n.addResourceBundle('vi', ACCOUNT_NS, vi);
i18n.addResourceBundle('en', ACCOUNT_NS, en);
