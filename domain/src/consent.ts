// Consent per purpose (Law 91/2025/QH15 and Decree 356/2025, see shared/reference/zalo-platform.md "Identity and
// consent"): explicit, recorded with its time and the version of the text the citizen saw, withdrawable, and
// limited to the data the purpose needs. Pure: no I/O.

export const CONSENT_PURPOSES = ['profile', 'phone', 'notifications'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Personal data the proxy may hold about a citizen, each item under exactly one purpose. */
export type PersonalDataItem = 'name' | 'avatar' | 'phone' | 'notificationSettings';

export interface ConsentText {
  /** Changes whenever the wording changes; a grant records the version the citizen saw. */
  version: string;
  title: string;
  /** What the citizen reads before agreeing, in Vietnamese. */
  text: string;
  /** The data held under this purpose: withdrawing deletes it. */
  covers: readonly PersonalDataItem[];
}

export const CONSENT_TEXTS: Readonly<Record<ConsentPurpose, ConsentText>> = {
  profile: {
    version: '2026-01-15',
    title: 'Tên và ảnh đại diện Zalo',
    text:
      'Lào Cai số lưu tên và ảnh đại diện Zalo của bạn để hiển thị trên trang Cá nhân. ' +
      'Chúng tôi không dùng chúng cho mục đích nào khác. Bạn có thể rút lại đồng ý bất cứ lúc nào; ' +
      'khi đó tên và ảnh đại diện sẽ bị xoá khỏi hệ thống.',
    covers: ['name', 'avatar'],
  },
  phone: {
    version: '2026-01-15',
    title: 'Số điện thoại',
    text:
      'Lào Cai số lưu số điện thoại Zalo đã xác thực của bạn để điền sẵn vào hồ sơ bạn nộp, để gửi thông báo ' +
      'về hồ sơ qua số điện thoại (tin nhắn Zalo) và để cơ quan giải quyết liên hệ với bạn về hồ sơ đó. ' +
      'Số điện thoại không được dùng để quảng cáo. Bạn có thể rút lại ' +
      'đồng ý bất cứ lúc nào; khi đó số điện thoại sẽ bị xoá khỏi hệ thống.',
    covers: ['phone'],
  },
  notifications: {
    version: '2026-01-15',
    title: 'Thông báo về hồ sơ',
    text:
      'Lào Cai số gửi thông báo qua Zalo khi hồ sơ của bạn thay đổi trạng thái: đã tiếp nhận, cần bổ sung, ' +
      'đã có kết quả. Bạn có thể rút lại đồng ý bất cứ lúc nào; khi đó chúng tôi ngừng gửi thông báo và xoá ' +
      'cài đặt thông báo của bạn.',
    covers: ['notificationSettings'],
  },
};

export function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}

/** The data that must be deleted when the citizen withdraws this purpose. */
export function dataCoveredBy(purpose: ConsentPurpose): readonly PersonalDataItem[] {
  return CONSENT_TEXTS[purpose].covers;
}

/** One grant as recorded: a purpose's history is a list of these. */
export interface ConsentGrant {
  textVersion: string;
  grantedAt: Date;
  /** When this grant stopped applying: withdrawn, or replaced by a grant of a newer text. */
  withdrawnAt: Date | null;
}

export interface ConsentStatus {
  purpose: ConsentPurpose;
  granted: boolean;
  /** The version of the latest grant, null when never granted. */
  textVersion: string | null;
  grantedAt: Date | null;
  withdrawnAt: Date | null;
  /** The version the citizen would agree to now. */
  currentTextVersion: string;
  /** Granted, but to an older text: ask again. */
  renewalNeeded: boolean;
}

/** The current state of one purpose from its history (any order). */
export function summarizeConsent(purpose: ConsentPurpose, history: readonly ConsentGrant[]): ConsentStatus {
  const latest = [...history].sort((a, b) => b.grantedAt.getTime() - a.grantedAt.getTime())[0];
  const currentTextVersion = CONSENT_TEXTS[purpose].version;
  const granted = latest !== undefined && latest.withdrawnAt === null;
  return {
    purpose,
    granted,
    textVersion: latest?.textVersion ?? null,
    grantedAt: latest?.grantedAt ?? null,
    withdrawnAt: latest?.withdrawnAt ?? null,
    currentTextVersion,
    renewalNeeded: granted && latest.textVersion !== currentTextVersion,
  };
}

/**
 * What a citizen's answer means for the record:
 * `grant` a new grant; `renew` end the current grant and record one of the current text (the data stays);
 * `withdraw` end the grant and delete the data; `unchanged` nothing to record;
 * `outdated-text` the citizen agreed to a text that is no longer current.
 */
export type ConsentChange = 'grant' | 'renew' | 'withdraw' | 'unchanged' | 'outdated-text';

export function decideConsentChange(
  current: ConsentStatus,
  answer: { granted: boolean; textVersion?: string },
): ConsentChange {
  if (!answer.granted) return current.granted ? 'withdraw' : 'unchanged';
  if (answer.textVersion !== current.currentTextVersion) return 'outdated-text';
  if (!current.granted) return 'grant';
  return current.textVersion === current.currentTextVersion ? 'unchanged' : 'renew';
}
