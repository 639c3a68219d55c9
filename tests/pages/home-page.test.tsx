import { screen, waitFor, within } from '@testing-library/react';
import { installFakeApi, deferred, type FakeApi } from '../support/fake-api';
import {
  birthRegistration,
  birthWithParentage,
  paged,
  popularProcedures,
  summaryOf,
} from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  api.get('/api/v1/procedures', ({ params }) =>
    params.q ? { status: 200, body: paged([]) } : { status: 200, body: paged(popularProcedures) },
  );
});

const searchBox = () => screen.getByRole('searchbox', { name: 'Tìm thủ tục hành chính' });

describe('home page', () => {
  it('shows the title, the search box and the most used procedures in server order', async () => {
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Lào Cai số' })).toBeInTheDocument();
    expect(searchBox()).toHaveAttribute('type', 'search');

    const list = await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' });
    const names = within(list)
      .getAllByRole('link')
      .map((link) => link.querySelector('.card-title')?.textContent);
    expect(names).toEqual(['Đăng ký kết hôn', 'Đăng ký khai sinh', 'Đăng ký thường trú']);
    expect(api.requestsTo('/api/v1/procedures')[0].params).toEqual({ pageSize: 8 });

    const birth = within(list).getByRole('link', { name: /Đăng ký khai sinh/ });
    expect(birth).toHaveAttribute('href', '/procedures/1.001193');
    expect(birth).toHaveTextContent('Hộ tịch · Cấp xã');
    expect(birth).toHaveTextContent('Toàn trình');
    expect(within(list).getByRole('link', { name: /Đăng ký kết hôn/ })).toHaveTextContent('Một phần');
  });

  it('links to the list of offices', async () => {
    const { user } = renderAt('/');
    await user.click(screen.getByRole('link', { name: /Cơ quan, UBND xã\/phường/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Cơ quan, UBND xã/phường' })).toBeInTheDocument();
  });

  it('searches as the citizen types and shows the results in server order', async () => {
    api.get('/api/v1/procedures', ({ params }) =>
      params.q === 'khai sinh'
        ? { status: 200, body: paged([summaryOf(birthRegistration), birthWithParentage]) }
        : { status: 200, body: paged(popularProcedures) },
    );
    const { user } = renderAt('/');
    await user.type(searchBox(), 'khai sinh');

    const results = await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    const links = within(results).getAllByRole('link');
    expect(links[0]).toHaveTextContent('Đăng ký khai sinh');
    expect(links[0]).toHaveTextContent('Toàn trình');
    expect(links[1]).toHaveTextContent('Đăng ký khai sinh kết hợp nhận cha, mẹ, con');
    expect(links[1]).toHaveTextContent('Một phần');
    expect(screen.getByText('Tìm thấy 2 thủ tục')).toBeInTheDocument();
    // Debounced: typing nine characters quickly sends one search, not nine.
    expect(api.requestsTo('/api/v1/procedures').filter((request) => request.params.q)).toHaveLength(1);
  });

  it('shows only the last query’s results when an older answer arrives late, and aborts the older request', async () => {
    const slowAnswer = deferred();
    api.get('/api/v1/procedures', ({ params }) => {
      if (params.q === 'khai') return slowAnswer.promise;
      if (params.q === 'khai sinh') return { status: 200, body: paged([summaryOf(birthRegistration)]) };
      return { status: 200, body: paged(popularProcedures) };
    });
    const { user } = renderAt('/');
    await user.type(searchBox(), 'khai');
    await waitFor(() => expect(api.requests.some((request) => request.params.q === 'khai')).toBe(true));

    await user.type(searchBox(), ' sinh');
    const results = await screen.findByRole('list', { name: 'Kết quả tìm kiếm' });
    expect(within(results).getAllByRole('link')).toHaveLength(1);

    const stale = api.requests.find((request) => request.params.q === 'khai')!;
    expect(stale.aborted).toBe(true);
    slowAnswer.release({ status: 200, body: paged([birthWithParentage, summaryOf(birthRegistration)]) });
    await Promise.resolve();
    expect(within(screen.getByRole('list', { name: 'Kết quả tìm kiếm' })).getAllByRole('link')).toHaveLength(1);
    expect(screen.queryByText('Đăng ký khai sinh kết hợp nhận cha, mẹ, con')).not.toBeInTheDocument();
  });

  it('explains in Vietnamese when nothing matches', async () => {
    const { user } = renderAt('/');
    await user.type(searchBox(), 'xyz');
    expect(await screen.findByText(/Không tìm thấy thủ tục nào khớp với “xyz”/)).toBeInTheDocument();
  });

  it('goes back to the most used procedures when the search box is cleared', async () => {
    const { user } = renderAt('/');
    await user.type(searchBox(), 'xyz');
    await screen.findByText(/Không tìm thấy thủ tục nào/);
    await user.clear(searchBox());
    expect(await screen.findByRole('list', { name: 'Thủ tục được dùng nhiều' })).toBeInTheDocument();
  });
});
