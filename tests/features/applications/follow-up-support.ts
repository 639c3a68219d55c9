// The proxy's follow-up endpoints (list, detail, supplements, withdrawal, rating) as a small stateful fake on the
// HTTP-level FakeApi, following the contract of server/src/routes/applications: only the owner's applications exist.
import type { ApplicationDetail, ApplicationSummary } from '@/features/applications/types';
import type { FakeApi, FakeReply } from '../../support/fake-api';
import { receivedApplication } from './support';

export function apiError(status: number, code: string, message: string): FakeReply {
  return { status, body: { statusCode: status, code, message } };
}

/** An application the office is working on (status 4), with its timeline and the documents sent. */
export function followedApplication(overrides: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    ...receivedApplication({ status: 'processing', statusCode: 4, statusName: 'Đang xử lý' }),
    overdue: false,
    needsAction: false,
    workingDaysLeft: 3,
    timeline: [
      {
        at: '2026-11-22T02:30:04.000Z',
        statusCode: 2,
        statusName: 'Được tiếp nhận',
        unit: 'Bộ phận tiếp nhận và trả kết quả',
        officer: 'Cán bộ một cửa (tự động)',
        note: 'Tiếp nhận hồ sơ, cấp mã hồ sơ 04465-261122-0007.',
      },
      {
        at: '2026-11-23T03:15:00.000Z',
        statusCode: 4,
        statusName: 'Đang xử lý',
        unit: 'Công chức Tư pháp – Hộ tịch',
        officer: 'Nguyễn Văn Minh',
        note: 'Chuyển công chức tư pháp thẩm định.',
      },
    ],
    documents: [
      {
        documentCode: 'to-khai',
        documentName: 'Tờ khai đăng ký khai sinh (theo mẫu)',
        fileName: 'to-khai.jpg',
        size: 300_000,
        contentType: 'image/jpeg',
      },
    ],
    supplement: null,
    fee: null,
    result: null,
    reason: null,
    delay: null,
    canWithdraw: true,
    canRate: false,
    rating: null,
    ...overrides,
  };
}

/** The list entry of an application (GET /api/v1/applications). */
export function summaryOf(application: ApplicationDetail): ApplicationSummary {
  const { id, reference, procedure, office, status, statusCode, statusName, receiptCode, dueAt, createdAt, forwardedAt } =
    application;
  return {
    id,
    reference,
    procedure,
    office,
    status,
    statusCode,
    statusName,
    receiptCode,
    dueAt,
    createdAt,
    forwardedAt,
    overdue: application.overdue ?? false,
    needsAction: application.needsAction ?? false,
  };
}

export interface FollowUpProxy {
  /** The citizen's applications by id, as the proxy holds them now; tests change them as the office acts. */
  applications: Map<string, ApplicationDetail>;
  /** Replaces the next answers of POST …/supplements, in turn (e.g. a lost connection first). */
  supplementReplies: FakeReply[];
}

export function installFollowUpProxy(api: FakeApi, applications: ApplicationDetail[]): FollowUpProxy {
  const proxy: FollowUpProxy = {
    applications: new Map(applications.map((application) => [application.id, application])),
    supplementReplies: [],
  };
  const notFound = () => apiError(404, 'APPLICATION_NOT_FOUND', 'Không tìm thấy hồ sơ này. Hãy xem danh sách hồ sơ của bạn.');
  const seenSupplementKeys = new Set<string>();

  api.get('/api/v1/applications', () => ({
    status: 200,
    body: { items: [...proxy.applications.values()].map(summaryOf) },
  }));
  api.get('/api/v1/applications/:id', ({ pathParams }) => {
    const application = proxy.applications.get(pathParams.id);
    return application ? { status: 200, body: application } : notFound();
  });
  api.post('/api/v1/applications/:id/supplements', ({ pathParams, headers }) => {
    const application = proxy.applications.get(pathParams.id);
    if (!application) return notFound();
    const scripted = proxy.supplementReplies.shift();
    if (scripted) return scripted;
    const key = headers['idempotency-key'];
    if (!key) return apiError(400, 'IDEMPOTENCY_KEY_REQUIRED', 'Thiếu tiêu đề "Idempotency-Key".');
    if (seenSupplementKeys.has(key)) return { status: 202, body: {} };
    if (application.statusCode !== 5) {
      return apiError(409, 'SUPPLEMENT_NOT_REQUESTED', 'Cơ quan không yêu cầu bổ sung giấy tờ cho hồ sơ này.');
    }
    seenSupplementKeys.add(key);
    return { status: 202, body: {} };
  });
  api.post('/api/v1/applications/:id/withdrawal', ({ pathParams }) => {
    const application = proxy.applications.get(pathParams.id);
    if (!application) return notFound();
    if (!application.canWithdraw) {
      return apiError(409, 'WITHDRAWAL_NOT_ALLOWED', 'Hồ sơ đã được giải quyết, không thể rút.');
    }
    const withdrawn = followedApplication({
      ...application,
      status: 'withdrawn',
      statusCode: 7,
      statusName: 'Công dân yêu cầu rút hồ sơ',
      canWithdraw: false,
      workingDaysLeft: null,
    });
    proxy.applications.set(application.id, withdrawn);
    return { status: 200, body: withdrawn };
  });
  api.post('/api/v1/applications/:id/rating', ({ pathParams, body }) => {
    const application = proxy.applications.get(pathParams.id);
    if (!application) return notFound();
    if (application.rating) return apiError(409, 'ALREADY_RATED', 'Bạn đã đánh giá hồ sơ này rồi.');
    if (!application.canRate) return apiError(409, 'RATING_NOT_ALLOWED', 'Chỉ đánh giá được khi hồ sơ đã có kết quả.');
    const { stars, comment } = body as { stars: number; comment?: string };
    const rating = { stars, comment: comment ?? null, createdAt: new Date().toISOString() };
    proxy.applications.set(application.id, { ...application, canRate: false, rating });
    return { status: 201, body: rating };
  });
  return proxy;
}
