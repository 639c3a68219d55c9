import { act, waitFor } from '@testing-library/react';
import { useMemo } from 'react';
import { todayInVietnam } from '@lao-cai-so/domain/application-form';
import { useSubmitApplication } from '@/features/applications/state/use-submit-application';
import { startSession } from '@/state/session';
import { deferred, type FakeApi } from '../../support/fake-api';
import { withIdentityProxy } from '../../support/session';
import { renderFormHook } from './hook-support';
import { birthApplication, forwardingApplication, installApplicationProxy, storeCompleteDraft, storeDraft, storedDraft } from './support';

let api: FakeApi;
withIdentityProxy((fake) => {
  ({ api } = fake);
  installApplicationProxy(api);
});

const code = birthApplication.code;
const applications = () => api.requestsTo('/api/v1/applications');

/** The hook as the form uses it; the errors it hands back for the form to show are collected in `invalid`. */
async function renderSubmit() {
  const invalid: Record<string, string>[] = [];
  const view = await renderFormHook(() => {
    const context = useMemo(() => ({ today: todayInVietnam(new Date()) }), []);
    return useSubmitApplication(birthApplication, { context, onInvalid: (errors) => invalid.push(errors) });
  });
  return { ...view, invalid };
}

beforeEach(() => startSession());

describe('useSubmitApplication', () => {
  it('sends the application once, forgets the draft and opens the receipt with it', async () => {
    storeCompleteDraft();
    const reply = deferred();
    api.post('/api/v1/applications', () => reply.promise);
    const { current, locations } = await renderSubmit();

    act(() => {
      void current().submit();
      void current().submit(); // a second tap while sending
    });
    await waitFor(() => expect(current().submitting).toBe(true));
    await act(async () => reply.release({ status: 201, body: forwardingApplication() }));

    await waitFor(() => expect(locations.at(-1)?.pathname).toBe('/applications/app-1'));
    expect(locations.at(-1)?.state).toEqual({ receipt: forwardingApplication(), procedureName: 'Đăng ký khai sinh' });
    expect(applications()).toHaveLength(1);
    const [sent] = applications();
    expect(sent.headers['idempotency-key']).toMatch(/\S/);
    expect(sent.body).toMatchObject({
      procedureCode: code,
      officeCode: '04465',
      attachments: [
        { documentCode: 'to-khai', uploadId: 'upload-a' },
        { documentCode: 'giay-chung-sinh', uploadId: 'upload-b' },
      ],
    });
    await waitFor(() => expect(storedDraft(code)).toBeNull());
  });

  it('sends nothing while answers are missing, and hands their errors to the form', async () => {
    storeDraft(code, { step: 5, answers: { applicant_full_name: 'Lò Văn Sáng' } });
    const { current, invalid } = await renderSubmit();
    await act(() => current().submit());
    expect(applications()).toHaveLength(0);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]).toMatchObject({ applicant_citizen_id: 'Hãy nhập số CCCD của bạn', 'to-khai': expect.any(String) });
  });

  it("hands the proxy's per-field errors to the form", async () => {
    storeCompleteDraft();
    api.post('/api/v1/applications', {
      status: 422,
      body: { code: 'VALIDATION_FAILED', message: 'Có thông tin chưa đúng.', fields: { child_full_name: 'Tên quá dài' } },
    });
    const { current, invalid } = await renderSubmit();
    await act(() => current().submit());
    expect(invalid).toEqual([{ child_full_name: 'Tên quá dài' }]);
    expect(current().submitError).toBeNull();
  });

  it('says what went wrong when the proxy cannot be reached, and retries with the same key', async () => {
    storeCompleteDraft();
    api.post('/api/v1/applications', { networkError: true });
    const { current, locations } = await renderSubmit();
    await act(() => current().submit());
    expect(current().submitError).toBe('Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.');
    expect(current().submitting).toBe(false);
    await waitFor(() => expect(storedDraft(code)?.submission?.idempotencyKey).toBe(applications()[0].headers['idempotency-key']));

    api.post('/api/v1/applications', { status: 201, body: forwardingApplication() });
    await act(() => current().submit());
    expect(applications()[1].headers['idempotency-key']).toBe(applications()[0].headers['idempotency-key']);
    await waitFor(() => expect(locations.at(-1)?.pathname).toBe('/applications/app-1'));
  });

  it('takes a new key when the proxy has the old one with another body', async () => {
    storeCompleteDraft();
    api.post('/api/v1/applications', {
      status: 422,
      body: { statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED', message: 'Hồ sơ này đã được gửi với nội dung khác.' },
    });
    const { current } = await renderSubmit();
    await act(() => current().submit());
    expect(current().submitError).toBe('Hồ sơ này đã được gửi với nội dung khác.');

    await act(() => current().submit());
    expect(applications()).toHaveLength(2);
    expect(applications()[1].headers['idempotency-key']).not.toBe(applications()[0].headers['idempotency-key']);
  });
});
