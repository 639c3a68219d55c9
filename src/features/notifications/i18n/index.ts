// The notifications feature's texts are the `notifications` namespace, loaded with the feature's lazy chunks (the
// Thông báo tab, the settings, the offer on the receipt) in both languages rather than in the initial bundle.
import { i18n } from '@/i18n';
import vi from './vi.json';
import en from './en.json';

export const NOTIFICATIONS_NS = 'notifications';

i18n.addResourceBundle('vi', NOTIFICATIONS_NS, vi);
i18n.addResourceBundle('en', NOTIFICATIONS_NS, en);
