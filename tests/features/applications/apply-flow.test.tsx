import { fireEvent, screen, within } from '@testing-library/react';
import { deferred, type FakeApi } from '../../support/fake-api';
import { grantedConsent, type IdentityProxy } from '../../support/fake-identity-proxy';
import { withIdentityProxy } from '../../support/session';
import {
  birthApplication,
  forwardingApplication,
  installApplicationProxy,
  renderApp,
  storeCompleteDraft,
  storeDraft,
  storedDraft,
} from './support';

let api: FakeApi;
let proxy: IdentityProxy;
withIdentityProxy((fake) => {
  ({ api, proxy } = fake);
  installApplicationProxy(api);
});

const heading = (name: string) => screen.findByRole('heading', { level: 2, name });
const click = (user: ReturnType<typeof renderApp>['user'], name: string | RegExp) =>
  user.click(screen.getByRole('button', { name }));

describe('applying online', () => {
  it('starts from the procedure page, with the office of the QR poster chosen', async () => {
    const { user } = renderApp('/procedures/1.001193?office=04465');
    await user.click(await screen.findByRole('link', { name: 'Nộp hồ sơ trực tuyến' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    expect(await heading('Nơi nộp hồ sơ')).toBeInTheDocument();
    expect(screen.getByText('Bước 1/6')).toBeInTheDocument();
    expect(await screen.findByText('Xã Khao Mang')).toBeInTheDocument();
    await click(user, 'Tiếp tục');
    expect(await heading('Thông tin người nộp')).toBeInTheDocument();
  });

  it('blocks the next step until the answers are right, with each error under its field', async () => {
    const { user } = renderApp('/procedures/1.001193/apply');
    expect(await heading('Nơi nộp hồ sơ')).toBeInTheDocument();
    await click(user, 'Tiếp tục');
    expect(screen.getByRole('alert')).toHaveTextContent('Còn 1 mục cần sửa trước khi tiếp tục.');
    expect(screen.getByText('Hãy chọn xã, phường nơi nộp hồ sơ')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' })).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Tìm theo tên xã, phường' }), 'Bản Xèo');
    await user.click(await screen.findByRole('button', { name: /Xã Bản Xèo/ }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await click(user, 'Tiếp tục');

    expect(await heading('Thông tin người nộp')).toBeInTheDocument();
    await click(user, 'Tiếp tục');
    expect(screen.getByRole('alert')).toHaveTextContent('Còn 3 mục cần sửa trước khi tiếp tục.');
    expect(screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ })).toHaveAccessibleDescription(
      'Hãy nhập họ, chữ đệm và tên của bạn',
    );
    expect(screen.getByRole('textbox', { name: /Số CCCD của bạn/ })).toHaveAccessibleDescription(
      '12 chữ số trên thẻ căn cước Hãy nhập số CCCD của bạn',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Thông tin người nộp' })).toBeInTheDocument();
  });

  it('pre-fills the applicant from the profile the citizen shared', async () => {
    proxy.consents.profile = grantedConsent();
    proxy.phone = '84987654321';
    const { user } = renderApp('/procedures/1.001193/apply?office=02647');
    expect(await screen.findByText('Xã Bản Xèo')).toBeInTheDocument();
    await click(user, 'Tiếp tục');
    await heading('Thông tin người nộp');
    expect(await screen.findByDisplayValue('Giàng Thị Mỷ')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Số điện thoại di động của bạn/ })).toHaveValue('0987654321');
    expect(screen.getByRole('textbox', { name: /Số CCCD của bạn/ })).toHaveValue('');
  });

  it('shows every answer to check, and "Sửa" goes back to its step and returns', async () => {
    storeCompleteDraft();
    const { user } = renderApp('/procedures/1.001193/apply');
    expect(await heading('Kiểm tra lại thông tin')).toBeInTheDocument();
    const section = (name: string) => screen.getByRole('region', { name });
    const value = (region: HTMLElement, label: string) =>
      within(region).getByText(label, { selector: 'dt' }).nextElementSibling;

    expect(value(section('Nơi nộp hồ sơ'), 'Nơi nộp hồ sơ')).toHaveTextContent('Xã Khao Mang');
    const applicant = section('Thông tin người nộp');
    expect(value(applicant, 'Họ, chữ đệm và tên của bạn')).toHaveTextContent('Lò Văn Sáng');
    expect(value(applicant, 'Số điện thoại di động của bạn')).toHaveTextContent('0912 345 678');
    expect(value(applicant, 'Số CCCD của bạn')).toHaveTextContent('010090001234');
    const first = section('Thông tin kê khai (1/2)');
    expect(value(first, 'Họ, chữ đệm và tên của trẻ')).toHaveTextContent('Lò Thị Mai');
    expect(value(first, 'Ngày, tháng, năm sinh')).toHaveTextContent('05/01/2026');
    expect(value(first, 'Giới tính')).toHaveTextContent('Nữ');
    const second = section('Thông tin kê khai (2/2)');
    expect(value(second, 'Số CCCD của người mẹ')).toHaveTextContent('Không điền');
    expect(value(second, 'Xã, phường nơi cư trú')).toHaveTextContent('Xã Khao Mang');
    const documents = section('Giấy tờ đính kèm');
    expect(value(documents, 'Tờ khai đăng ký khai sinh (theo mẫu)')).toHaveTextContent('to-khai.jpg');
    expect(value(documents, 'Giấy chứng sinh')).toHaveTextContent('chung-sinh.pdf');
    expect(value(documents, 'Văn bản ủy quyền')).toHaveTextContent('Chưa đính kèm');

    await user.click(within(first).getByRole('button', { name: 'Sửa Thông tin kê khai (1/2)' }));
    expect(await heading('Thông tin kê khai (1/2)')).toHaveFocus();
    const name = screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của trẻ/ });
    await user.clear(name);
    await user.type(name, 'Lò Thị Hoa');
    await click(user, 'Lưu và kiểm tra lại');
    expect(await heading('Kiểm tra lại thông tin')).toBeInTheDocument();
    expect(value(section('Thông tin kê khai (1/2)'), 'Họ, chữ đệm và tên của trẻ')).toHaveTextContent('Lò Thị Hoa');
  });

  it('submits once with the agreed body and an Idempotency-Key, then shows the receipt and forgets the draft', async () => {
    storeCompleteDraft();
    const { user } = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(user, 'Nộp hồ sơ');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Đã gửi — đang chuyển tới Bộ phận một cửa' }),
    ).toBeInTheDocument();
    const receipt = screen.getByRole('article');
    expect(within(receipt).getByRole('region', { name: 'Mã tham chiếu' })).toHaveTextContent('K7QH2M9X');
    expect(within(receipt).getByText('Đăng ký khai sinh')).toBeInTheDocument();
    expect(within(receipt).getByText('Thời gian gửi').nextElementSibling).toHaveTextContent('09:30 22/11/2026');

    const [request] = api.requestsTo('/api/v1/applications');
    expect(request.method).toBe('POST');
    expect(request.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request.headers.authorization).toBe('Bearer session-1');
    expect(request.body).toEqual({
      procedureCode: '1.001193',
      officeCode: '04465',
      fields: {
        applicant_full_name: 'Lò Văn Sáng',
        applicant_phone: '84912345678',
        applicant_citizen_id: '010090001234',
        child_full_name: 'Lò Thị Mai',
        child_birth_date: '2026-01-05',
        child_sex: 'nu',
        residence_commune: '04465',
      },
      attachments: [
        { documentCode: 'to-khai', uploadId: 'upload-a' },
        { documentCode: 'giay-chung-sinh', uploadId: 'upload-b' },
      ],
    });
    expect(storedDraft('1.001193')).toBeNull();
    expect(window.localStorage.getItem('lao-cai-so:application-draft:1.001193')).toBeNull();
  });

  it('keeps the same Idempotency-Key when the network drops and the citizen taps again', async () => {
    storeCompleteDraft();
    const first = deferred();
    let attempts = 0;
    api.post('/api/v1/applications', () => {
      attempts += 1;
      return attempts === 1
        ? first.promise
        : { status: 201, body: forwardingApplication({ id: 'app-2', reference: 'P4TW8NRZ' }) };
    });
    const { user } = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(user, 'Nộp hồ sơ');
    // While the first attempt is in flight the button cannot send a second one.
    const busy = screen.getByRole('button', { name: 'Đang nộp hồ sơ…' });
    expect(busy).toBeDisabled();
    fireEvent.submit(busy.closest('form')!);
    first.release({ networkError: true });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
    );
    await click(user, 'Nộp hồ sơ');
    expect(await screen.findByRole('region', { name: 'Mã tham chiếu' })).toHaveTextContent('P4TW8NRZ');

    const requests = api.requestsTo('/api/v1/applications');
    expect(requests).toHaveLength(2);
    expect(requests[1].headers['idempotency-key']).toBe(requests[0].headers['idempotency-key']);
    expect(requests[1].body).toEqual(requests[0].body);
  });

  it('keeps the key across a reload too, and takes a new one when the answers change', async () => {
    storeCompleteDraft();
    api.post('/api/v1/applications', { networkError: true });
    const first = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(first.user, 'Nộp hồ sơ');
    await screen.findByRole('alert');
    first.unmount();

    const second = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(second.user, 'Nộp hồ sơ');
    await screen.findByRole('alert');
    const [a, b] = api.requestsTo('/api/v1/applications');
    expect(b.headers['idempotency-key']).toBe(a.headers['idempotency-key']);

    await second.user.click(screen.getByRole('button', { name: 'Sửa Thông tin người nộp' }));
    const name = await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ });
    await second.user.type(name, ' Anh');
    await click(second.user, 'Lưu và kiểm tra lại');
    await heading('Kiểm tra lại thông tin');
    await click(second.user, 'Nộp hồ sơ');
    await screen.findByRole('alert');
    const third = api.requestsTo('/api/v1/applications')[2];
    expect((third.body as { fields: Record<string, string> }).fields.applicant_full_name).toBe('Lò Văn Sáng Anh');
    expect(third.headers['idempotency-key']).not.toBe(a.headers['idempotency-key']);
  });

  it('shows the proxy\'s per-field errors at the step of the first one', async () => {
    storeCompleteDraft();
    api.post('/api/v1/applications', {
      status: 422,
      body: {
        statusCode: 422,
        code: 'VALIDATION_FAILED',
        message: 'Có thông tin chưa đúng.',
        fields: { applicant_citizen_id: 'Số CCCD này không khớp với tài khoản định danh của bạn' },
      },
    });
    const { user } = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(user, 'Nộp hồ sơ');
    expect(await heading('Thông tin người nộp')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Có thông tin chưa đúng. Hãy sửa những mục được đánh dấu rồi nộp lại.');
    expect(screen.getByRole('textbox', { name: /Số CCCD của bạn/ })).toHaveAccessibleDescription(
      '12 chữ số trên thẻ căn cước Số CCCD này không khớp với tài khoản định danh của bạn',
    );
    expect(storedDraft('1.001193')?.answers.child_full_name).toBe('Lò Thị Mai');
  });

  it('will not submit without the required documents, and says which', async () => {
    storeCompleteDraft();
    storeDraft(birthApplication.code, { ...storedDraft(birthApplication.code)!, files: [] });
    const { user } = renderApp('/procedures/1.001193/apply');
    await heading('Kiểm tra lại thông tin');
    await click(user, 'Nộp hồ sơ');
    expect(await heading('Giấy tờ đính kèm')).toBeInTheDocument();
    const certificate = screen.getByRole('region', { name: 'Giấy chứng sinh' });
    expect(certificate).toHaveAccessibleDescription('Hãy đính kèm ảnh hoặc tệp PDF của giấy tờ này');
    expect(api.requestsTo('/api/v1/applications')).toHaveLength(0);
  });
});
