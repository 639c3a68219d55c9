import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../support/fake-api';
import { birthRegistration, permanentResidence } from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  api.get('/api/v1/procedures/:code', ({ pathParams }) => {
    const procedure = [birthRegistration, permanentResidence].find((entry) => entry.code === pathParams.code);
    return procedure
      ? { status: 200, body: procedure }
      : {
          status: 404,
          body: { statusCode: 404, code: 'PROCEDURE_NOT_FOUND', message: 'Không tìm thấy thủ tục hành chính này.' },
        };
  });
});

// Each test opens a different procedure code: recoil keeps a selector family's settled values per code.
describe('procedure page', () => {
  it('shows what to prepare: facts, documents, fees and the online badge', async () => {
    renderAt('/procedures/1.001193');
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
    expect(screen.getByText('Mã thủ tục').closest('div')).toHaveTextContent('1.001193');
    expect(screen.getByText('Mã thủ tục của tỉnh').closest('div')).toHaveTextContent('1.001193.000.00.00.H38');
    expect(screen.getByText('Cấp xã')).toBeInTheDocument();
    expect(screen.getByText('Ủy ban nhân dân xã, phường')).toBeInTheDocument();
    expect(screen.getAllByText('Toàn trình').length).toBeGreaterThan(0);
    expect(screen.getByText('Miễn phí')).toBeInTheDocument();

    const documentsHeading = screen.getByRole('heading', { level: 2, name: 'Thành phần hồ sơ' });
    const documents = within(documentsHeading.closest('section')!).getAllByRole('listitem');
    expect(documents).toHaveLength(2);
    expect(documents[0]).toHaveTextContent('Tờ khai đăng ký khai sinh (theo mẫu)');
    expect(documents[0]).toHaveTextContent('Số lượng: 1 bản · Bản chính');
    expect(documents[1]).toHaveTextContent('Bản sao chứng thực');
    expect(documents[1]).toHaveTextContent('Không có thì nộp văn bản của người làm chứng');

    expect(screen.getByText('Đăng ký trong 60 ngày kể từ ngày sinh')).toBeInTheDocument();
    expect(screen.getByText('Giấy khai sinh (bản chính)')).toBeInTheDocument();
    expect(screen.getByText('Luật Hộ tịch số 60/2014/QH13')).toBeInTheDocument();
    // One catalogue request; the app's silent sign-in at start is the only other call.
    expect(api.requests.map((request) => request.path).filter((path) => path !== '/api/v1/sessions')).toEqual([
      '/api/v1/procedures/1.001193',
    ]);
  });

  it('marks unconfirmed values and formats fees in đồng', async () => {
    renderAt('/procedures/1.004222');
    await screen.findByRole('heading', { level: 1, name: 'Đăng ký thường trú' });
    expect(screen.queryByText('Mã thủ tục của tỉnh')).not.toBeInTheDocument();
    // The processing time of this entry is confirmed; its fees are not.
    const processing = screen.getByText('Thời hạn giải quyết').closest('div')!;
    expect(processing).not.toHaveTextContent('(cần xác nhận với cơ quan)');
    const fees = screen.getByText('Phí, lệ phí').closest('div')!;
    expect(fees).toHaveTextContent('20.000 đồng — Nộp trực tiếp');
    expect(fees).toHaveTextContent('10.000 đồng — Nộp trực tuyến');
    expect(fees).toHaveTextContent('(cần xác nhận với cơ quan)');
    expect(screen.getAllByText('Một phần').length).toBeGreaterThan(0);
    expect(screen.getByText(/Số lượng: 2 bản · Bản sao · Không bắt buộc/)).toBeInTheDocument();
    expect(screen.getByText('Không có yêu cầu, điều kiện riêng.')).toBeInTheDocument();
    // Partly online procedures can be applied for online too; the form has its own page.
    expect(await screen.findByRole('link', { name: 'Nộp hồ sơ trực tuyến' })).toHaveAttribute(
      'href',
      '/procedures/1.004222/apply',
    );
  });

  it('shows a friendly "not found" with a way back home for an unknown code', async () => {
    const { user } = renderAt('/procedures/9.999999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy thủ tục' })).toBeInTheDocument();
    api.get('/api/v1/procedures', { status: 200, body: { items: [], total: 0, page: 1, pageSize: 8 } });
    await user.click(screen.getByRole('link', { name: 'Về trang chủ' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lào Cai số' })).toBeInTheDocument();
  });

  it('recovers with "Thử lại" after a timeout', async () => {
    api.get('/api/v1/procedures/:code', { timeout: true });
    const { user } = renderAt('/procedures/1.000894');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Máy chủ phản hồi quá lâu. Hãy thử lại sau ít phút.');

    api.get('/api/v1/procedures/:code', { status: 200, body: { ...birthRegistration, code: '1.000894', name: 'Đăng ký kết hôn' } });
    await user.click(within(alert).getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký kết hôn' })).toBeInTheDocument();
  });
});
