// The proxy's inbox endpoints (GET /api/v1/notifications, POST …/:id/read, POST …/read-all) as a small stateful fake
// on the HTTP-level FakeApi, following the contract of issue 6: only the signed-in citizen's notifications, newest
// first, with the unread count. Notification settings are part of the identity fake (support/fake-identity-proxy.ts).
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { AppProviders } from '@/app';
import { AppRoutes } from '@/router';
import type { InboxNotification } from '@/features/notifications/types';
import type { FakeApi, FakeReply } from '../../support/fake-api';
import type { IdentityProxy } from '../../support/fake-identity-proxy';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface InboxProxy {
  /** Newest first is the proxy's job: kept in any order here. */
  notifications: InboxNotification[];
  /** Replaces the answer of GET /api/v1/notifications while set (e.g. a 503). */
  listReply: FakeReply | null;
}

let serial = 0;

/** A supplement request for birth registration, `agoMs` ago, unread. */
export function notification(overrides: Partial<InboxNotification> = {}, agoMs = 5 * MINUTE): InboxNotification {
  serial += 1;
  return {
    id: `notification-${serial}`,
    applicationId: 'app-1',
    receiptCode: '04465-261122-0007',
    procedureName: 'Đăng ký khai sinh',
    status: 5,
    kind: 'supplement-required',
    title: 'Hồ sơ cần bổ sung giấy tờ',
    body: 'Đăng ký khai sinh — mã hồ sơ 04465-261122-0007: cơ quan yêu cầu bổ sung giấy tờ. Mở hồ sơ để gửi bổ sung.',
    createdAt: new Date(Date.now() - agoMs).toISOString(),
    readAt: null,
    ...overrides,
  };
}

/** The answer of GET /api/v1/notifications for these query parameters (newest first, paged, with the unread count). */
export function pageOf(proxy: InboxProxy, params: Record<string, unknown> = {}) {
  const page = Number(params.page ?? 1);
  const pageSize = Number(params.pageSize ?? 20);
  const matching = [...proxy.notifications]
    .filter((item) => String(params.unread) !== 'true' || item.readAt === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return {
    items: matching.slice((page - 1) * pageSize, page * pageSize),
    total: matching.length,
    page,
    pageSize,
    unreadCount: proxy.notifications.filter((item) => item.readAt === null).length,
  };
}

export function installInboxProxy(api: FakeApi, identity: IdentityProxy, notifications: InboxNotification[]): InboxProxy {
  const proxy: InboxProxy = { notifications, listReply: null };
  const unauthenticated: FakeReply = {
    status: 401,
    body: { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ.' },
  };
  const signedIn = (authorization: string | undefined) =>
    identity.validTokens.has(authorization?.replace(/^Bearer /, '') ?? '');
  api.get('/api/v1/notifications', ({ headers, params }) => {
    if (!signedIn(headers.authorization)) return unauthenticated;
    if (proxy.listReply) return proxy.listReply;
    return { status: 200, body: pageOf(proxy, params) };
  });
  api.post('/api/v1/notifications/read-all', ({ headers }) => {
    if (!signedIn(headers.authorization)) return unauthenticated;
    const now = new Date().toISOString();
    proxy.notifications = proxy.notifications.map((item) => ({ ...item, readAt: item.readAt ?? now }));
    return { status: 200, body: { unreadCount: 0 } };
  });
  api.post('/api/v1/notifications/:id/read', ({ headers, pathParams }) => {
    if (!signedIn(headers.authorization)) return unauthenticated;
    const index = proxy.notifications.findIndex((item) => item.id === pathParams.id);
    if (index < 0) {
      return {
        status: 404,
        body: { statusCode: 404, code: 'NOTIFICATION_NOT_FOUND', message: 'Không tìm thấy thông báo này.' },
      };
    }
    const read = { ...proxy.notifications[index], readAt: proxy.notifications[index].readAt ?? new Date().toISOString() };
    proxy.notifications[index] = read;
    return { status: 200, body: read };
  });
  return proxy;
}

/** The real pages and providers at `entry` (a path, or a path with navigation state such as the receipt's). */
export function renderAtEntry(entry: string | { pathname: string; state?: unknown }) {
  const user = userEvent.setup();
  const view = render(
    <AppProviders>
      <MemoryRouter initialEntries={[entry]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, ...view };
}
