// The proxy's identity endpoints (sessions, me, consents) as a small stateful fake on the HTTP-level FakeApi,
// following server/src/routes/sessions and server/src/routes/me: it accepts only the session tokens it issued, keeps
// name and avatar only under the profile consent and the phone only under the phone consent; notification settings
// (GET/PUT /me/notification-settings, the contract of issue 6) only under the notifications consent.
import type { FakeApi, FakeReply, RecordedRequest } from './fake-api';
import { zmpSdkMock } from './zmp-sdk-mock';

type Purpose = 'profile' | 'phone' | 'notifications';

export interface FakeConsent {
  granted: boolean;
  textVersion: string | null;
  grantedAt: string | null;
  withdrawnAt: string | null;
}

export const CURRENT_TEXT_VERSION = '2026-01-15';
export const CITIZEN_ID = '6f1c2d0e-8a4b-4c3d-9e2f-1a2b3c4d5e6f';
/** What Zalo's /v2.0/me/info gives for the phone tokens of the fake; shown masked as •••• ••• 678. */
export const VERIFIED_PHONE = '84912345678';
/** When the fake records anything: 5 March 2026, 09:30 in Vietnam. */
export const RECORDED_AT = '2026-03-05T02:30:00.000Z';

export interface IdentityProxy {
  /** Session tokens the proxy still accepts; clear it to make the proxy refuse the current one. */
  validTokens: Set<string>;
  sessionsIssued: number;
  /** Zalo access tokens the proxy refuses at sign-in. */
  refusedAccessTokens: Set<string>;
  name: string | null;
  avatar: string | null;
  phone: string | null;
  consents: Record<Purpose, FakeConsent>;
  deleted: boolean;
  /** Replaces the answer of POST /me/phone (e.g. a PHONE_TOKEN_INVALID). */
  phoneReply: FakeReply | null;
  /** The Zalo channels as stored; the phone one counts only while a verified phone is held. */
  notificationChannels: { miniApp: boolean; allowedAt: string | null; phone: boolean };
}

const channelsOff = () => ({ miniApp: false, allowedAt: null, phone: false });

const notGranted = (): FakeConsent => ({ granted: false, textVersion: null, grantedAt: null, withdrawnAt: null });

export function grantedConsent(grantedAt = RECORDED_AT): FakeConsent {
  return { granted: true, textVersion: CURRENT_TEXT_VERSION, grantedAt, withdrawnAt: null };
}

function error(status: number, code: string, message: string): FakeReply {
  return { status, body: { statusCode: status, code, message } };
}

function maskPhone(phone: string): string {
  return `•••• ••• ${phone.slice(-3)}`;
}

export function installIdentityProxy(api: FakeApi, initial: Partial<IdentityProxy> = {}): IdentityProxy {
  const proxy: IdentityProxy = {
    validTokens: new Set(),
    sessionsIssued: 0,
    refusedAccessTokens: new Set(),
    name: null,
    avatar: null,
    phone: null,
    consents: { profile: notGranted(), phone: notGranted(), notifications: notGranted() },
    deleted: false,
    phoneReply: null,
    notificationChannels: channelsOff(),
    ...initial,
  };

  const me = () => ({
    id: CITIZEN_ID,
    name: proxy.name,
    avatar: proxy.avatar,
    phone: proxy.phone ? { number: proxy.phone, masked: maskPhone(proxy.phone) } : null,
  });

  const consentJson = (purpose: Purpose) => ({
    purpose,
    title: purpose,
    text: `Nội dung đồng ý (${purpose})`,
    currentTextVersion: CURRENT_TEXT_VERSION,
    renewalNeeded: false,
    ...proxy.consents[purpose],
  });

  const signedIn =
    (handler: (request: RecordedRequest) => FakeReply) =>
    (request: RecordedRequest): FakeReply => {
      const token = request.headers.authorization?.replace(/^Bearer /, '');
      if (!token || !proxy.validTokens.has(token)) {
        return error(401, 'UNAUTHENTICATED', 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy mở lại ứng dụng để đăng nhập.');
      }
      return handler(request);
    };

  api.post('/api/v1/sessions', ({ body }) => {
    const accessToken = (body as { accessToken?: unknown } | undefined)?.accessToken;
    if (typeof accessToken !== 'string' || proxy.refusedAccessTokens.has(accessToken)) {
      return error(401, 'ZALO_TOKEN_INVALID', 'Zalo không xác nhận được tài khoản của bạn. Hãy mở lại ứng dụng để đăng nhập lại.');
    }
    proxy.deleted = false;
    proxy.sessionsIssued += 1;
    const token = `session-${proxy.sessionsIssued}`;
    proxy.validTokens.add(token);
    // As the proxy does at each sign-in: name and avatar from Zalo, kept only under the profile consent.
    proxy.name = proxy.consents.profile.granted ? zmpSdkMock.user.name : null;
    proxy.avatar = proxy.consents.profile.granted ? zmpSdkMock.user.avatar : null;
    return {
      status: 201,
      body: {
        token,
        expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
        citizen: { id: CITIZEN_ID, name: proxy.name, avatar: proxy.avatar },
      },
    };
  });

  api.get('/api/v1/me', signedIn(() => ({ status: 200, body: me() })));

  api.get(
    '/api/v1/me/consents',
    signedIn(() => ({ status: 200, body: { consents: (['profile', 'phone', 'notifications'] as const).map(consentJson) } })),
  );

  api.put(
    '/api/v1/me/consents/:purpose',
    signedIn(({ pathParams, body }) => {
      const purpose = pathParams.purpose as Purpose;
      const answer = body as { granted: boolean; textVersion?: string };
      if (!(purpose in proxy.consents)) return error(404, 'CONSENT_PURPOSE_NOT_FOUND', 'Không có mục đồng ý này.');
      if (answer.granted) {
        if (answer.textVersion !== CURRENT_TEXT_VERSION) {
          return error(409, 'CONSENT_TEXT_OUTDATED', 'Nội dung đồng ý đã được cập nhật. Hãy đọc lại nội dung mới rồi đồng ý.');
        }
        if (!proxy.consents[purpose].granted) proxy.consents[purpose] = grantedConsent();
      } else if (proxy.consents[purpose].granted) {
        proxy.consents[purpose] = { ...proxy.consents[purpose], granted: false, withdrawnAt: RECORDED_AT };
        if (purpose === 'profile') {
          proxy.name = null;
          proxy.avatar = null;
        }
        if (purpose === 'phone') {
          proxy.phone = null;
          proxy.notificationChannels.phone = false;
        }
        if (purpose === 'notifications') proxy.notificationChannels = channelsOff();
      }
      return { status: 200, body: consentJson(purpose) };
    }),
  );

  api.post(
    '/api/v1/me/phone',
    signedIn(({ body }) => {
      if (!proxy.consents.phone.granted) {
        return error(403, 'CONSENT_REQUIRED', 'Bạn cần đồng ý chia sẻ số điện thoại trước khi gửi số điện thoại.');
      }
      if (proxy.phoneReply) return proxy.phoneReply;
      const { phoneToken, accessToken } = body as { phoneToken?: string; accessToken?: string };
      if (!phoneToken?.startsWith('zalo-phone-') || !accessToken?.startsWith('zalo-access-')) {
        return error(400, 'PHONE_TOKEN_INVALID', 'Mã xác nhận số điện thoại đã hết hạn hoặc đã được dùng.');
      }
      proxy.phone = VERIFIED_PHONE;
      return { status: 200, body: me() };
    }),
  );

  const notificationSettings = () => ({
    inApp: true,
    miniApp: { enabled: proxy.notificationChannels.miniApp, allowedAt: proxy.notificationChannels.allowedAt },
    phone: { enabled: proxy.notificationChannels.phone && proxy.phone !== null, available: proxy.phone !== null },
    consentGranted: proxy.consents.notifications.granted,
  });

  api.get('/api/v1/me/notification-settings', signedIn(() => ({ status: 200, body: notificationSettings() })));

  api.put(
    '/api/v1/me/notification-settings',
    signedIn(({ body }) => {
      const { miniApp, phone } = (body ?? {}) as { miniApp?: unknown; phone?: unknown };
      if ((miniApp !== undefined && typeof miniApp !== 'boolean') || (phone !== undefined && typeof phone !== 'boolean')) {
        return error(400, 'VALIDATION_ERROR', 'Yêu cầu chưa hợp lệ.');
      }
      if ((miniApp || phone) && !proxy.consents.notifications.granted) {
        return error(403, 'CONSENT_REQUIRED', 'Bạn cần đồng ý nhận thông báo trước khi bật thông báo qua Zalo.');
      }
      if (phone && proxy.phone === null) {
        return error(409, 'PHONE_REQUIRED', 'Bạn cần chia sẻ số điện thoại đã xác thực qua Zalo trước.');
      }
      if (miniApp !== undefined) {
        proxy.notificationChannels.miniApp = miniApp;
        if (miniApp) proxy.notificationChannels.allowedAt = RECORDED_AT;
      }
      if (phone !== undefined) proxy.notificationChannels.phone = phone;
      return { status: 200, body: notificationSettings() };
    }),
  );

  api.delete(
    '/api/v1/me',
    signedIn(() => {
      proxy.deleted = true;
      proxy.validTokens.clear();
      proxy.name = null;
      proxy.avatar = null;
      proxy.phone = null;
      proxy.consents = { profile: notGranted(), phone: notGranted(), notifications: notGranted() };
      proxy.notificationChannels = channelsOff();
      return { status: 204 };
    }),
  );

  return proxy;
}
