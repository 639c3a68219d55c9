import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../support/fake-api';
import { birthRegistration, khaoMang, officeSummaryOf, paged, provincialCentre } from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  api.get('/api/v1/offices', ({ params }) => {
    if (!params.q) return { status: 200, body: paged([provincialCentre, officeSummaryOf(khaoMang)], 100) };
    // The proxy matches former commune names too; here "Hồ Bốn" was merged into Khao Mang.
    if (params.q === 'Hồ Bốn') return { status: 200, body: paged([officeSummaryOf(khaoMang)]) };
    return { status: 200, body: paged([]) };
  });
  api.get('/api/v1/offices/:code', ({ pathParams }) =>
    pathParams.code === khaoMang.code
      ? { status: 200, body: khaoMang }
      : { status: 404, body: { statusCode: 404, code: 'OFFICE_NOT_FOUND', message: 'Không tìm thấy cơ quan.' } },
  );
  api.get('/api/v1/procedures/:code', { status: 200, body: birthRegistration });
});

const officeList = () => screen.findByRole('list', { name: 'Cơ quan, UBND xã/phường' });

describe('offices', () => {
  it('lists offices and says when more exist than are shown', async () => {
    renderAt('/offices');
    const list = await officeList();
    expect(within(list).getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      '/offices/H38',
      '/offices/04465',
    ]);
    expect(screen.getByText('Đang hiện 2/100 cơ quan. Hãy nhập tên để tìm nhanh hơn.')).toBeInTheDocument();
  });

  it('finds an office by the name of a former commune, and says so when nothing matches', async () => {
    const { user } = renderAt('/offices');
    await officeList();
    const search = screen.getByRole('searchbox', { name: 'Tìm xã, phường hoặc tên cũ' });
    await user.type(search, 'Hồ Bốn');
    await screen.findByText('Đang tải…');
    const list = await officeList();
    expect(within(list).getAllByRole('link')).toHaveLength(1);
    expect(within(list).getByRole('link')).toHaveTextContent('UBND xã Khao Mang');

    await user.clear(search);
    await user.type(search, 'Hà Nội');
    expect(await screen.findByText(/Không tìm thấy cơ quan nào khớp với “Hà Nội”/)).toBeInTheDocument();
  });

  it('shows an office: address, hours, a phone number to tap, former units and its procedures', async () => {
    const { user } = renderAt('/offices/04465');
    expect(await screen.findByRole('heading', { level: 1, name: 'UBND xã Khao Mang' })).toBeInTheDocument();
    expect(screen.getByText('Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00')).toBeInTheDocument();
    const address = screen.getByText('Địa chỉ').closest('div')!;
    expect(address).toHaveTextContent('Trụ sở UBND xã Khao Mang, tỉnh Lào Cai (cần xác nhận với cơ quan)');
    expect(screen.getByRole('link', { name: 'Gọi 0214 3 123 456' })).toHaveAttribute('href', 'tel:02143123456');
    expect(screen.getByText('xã Hồ Bốn, xã Khao Mang')).toBeInTheDocument();

    const procedures = screen.getByRole('list', { name: 'Thủ tục thực hiện tại đây' });
    await user.click(within(procedures).getByRole('link', { name: /Đăng ký khai sinh/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Đăng ký khai sinh' })).toBeInTheDocument();
  });

  it('shows "not found" for an unknown office', async () => {
    renderAt('/offices/99999');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy cơ quan' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Về trang chủ' })).toHaveAttribute('href', '/');
  });
});
