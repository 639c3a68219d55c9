import { screen, within } from '@testing-library/react';
import { installFakeApi } from '../../support/fake-api';
import { renderAt } from '../../support/render-app';
import { installEntryProxy } from './support';

beforeEach(async () => {
  const api = await installFakeApi();
  installEntryProxy(api);
});

const h1 = (name: string) => screen.findByRole('heading', { level: 1, name });

describe('an office’s page (where its QR poster leads)', () => {
  it('shows its hours, says when the address and phone are not known, and lists its procedures most used first', async () => {
    renderAt('/offices/02716');
    expect(await h1('UBND phường Cam Đường')).toBeInTheDocument();
    const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).closest('div')!;
    expect(fact('Giờ làm việc')).toHaveTextContent('Thứ Hai – Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00');
    expect(fact('Địa chỉ')).toHaveTextContent('Chưa có thông tin');
    expect(fact('Điện thoại')).toHaveTextContent('Chưa có thông tin');
    expect(within(fact('Điện thoại')).queryByRole('link')).not.toBeInTheDocument();

    const procedures = screen.getByRole('list', { name: 'Thủ tục thực hiện tại đây' });
    expect(within(procedures).getAllByRole('link').map((link) => link.querySelector('.card-title')?.textContent)).toEqual([
      'Đăng ký thường trú',
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
    ]);
  });

  it('“Nộp hồ sơ tại đây” lets the citizen pick a procedure and opens its form with the office chosen', async () => {
    const { user } = renderAt('/offices/04465');
    expect(await h1('UBND xã Khao Mang')).toBeInTheDocument();
    const applyHere = await screen.findByRole('button', { name: 'Nộp hồ sơ tại đây' });
    expect(applyHere).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Chọn thủ tục bạn muốn nộp' })).not.toBeInTheDocument();

    await user.click(applyHere);
    expect(applyHere).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Hồ sơ sẽ được gửi tới UBND xã Khao Mang.')).toBeInTheDocument();
    const choices = screen.getByRole('list', { name: 'Chọn thủ tục bạn muốn nộp' });
    const links = within(choices).getAllByRole('link');
    expect(links.map((link) => link.querySelector('.card-title')?.textContent)).toEqual([
      'Đăng ký khai sinh',
      'Đăng ký kết hôn',
    ]);

    await user.click(links[0]);
    expect(await screen.findByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' })).toBeInTheDocument();
    const office = screen.getByRole('group', { name: 'Nơi nộp hồ sơ' });
    expect(await within(office).findByText('Xã Khao Mang')).toBeInTheDocument();
    expect(office).toHaveTextContent('Đã chọn: Xã Khao Mang');
  });
});
