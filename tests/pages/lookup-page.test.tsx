import { screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../support/fake-api';
import { paged, popularProcedures } from '../support/catalog-fixtures';
import { renderAt } from '../support/render-app';

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  api.get('/api/v1/procedures', { status: 200, body: paged(popularProcedures) });
});

const found = {
  receiptCode: '04465-261122-0007',
  procedureName: 'Đăng ký khai sinh',
  statusCode: 4,
  statusName: 'Đang xử lý',
  dueAt: '2026-11-30T01:00:00.000Z',
  overdue: true,
};

async function lookUp(code: string, phone: string) {
  const view = renderAt('/lookup');
  const { user } = view;
  await screen.findByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' });
  if (code) await user.type(screen.getByRole('textbox', { name: 'Mã hồ sơ' }), code);
  if (phone) await user.type(screen.getByRole('textbox', { name: '4 số cuối số điện thoại' }), phone);
  await user.click(screen.getByRole('button', { name: 'Tra cứu' }));
  return view;
}

describe('public lookup', () => {
  it('is linked from the home page', async () => {
    const { user } = renderAt('/');
    await user.click(await screen.findByRole('link', { name: /Tra cứu hồ sơ/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Tra cứu hồ sơ' })).toBeInTheDocument();
  });

  it('shows only the status, the procedure and the due date, without signing in', async () => {
    api.get('/api/v1/lookup', { status: 200, body: found });
    await lookUp(' 04465-261122-0007 ', '5678');
    const result = await screen.findByRole('region', { name: 'Kết quả tra cứu' });
    const value = (label: string) => within(result).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(value('Mã hồ sơ')).toHaveTextContent('04465-261122-0007');
    expect(value('Thủ tục')).toHaveTextContent('Đăng ký khai sinh');
    expect(value('Tình trạng')).toHaveTextContent('Cơ quan đang giải quyết hồ sơ');
    expect(value('Ngày hẹn trả kết quả')).toHaveTextContent('Thứ Hai, 30/11/2026 Quá hạn');

    const [request] = api.requestsTo('/api/v1/lookup');
    expect(request.params).toEqual({ receiptCode: '04465-261122-0007', phoneLast4: '5678' });
    expect(request.headers.authorization).toBeUndefined();
  });

  it('says the same neutral thing for a wrong code or a wrong phone', async () => {
    api.get('/api/v1/lookup', {
      status: 404,
      body: { statusCode: 404, code: 'DOSSIER_NOT_FOUND', message: 'Không tìm thấy hồ sơ.' },
    });
    await lookUp('04465-261122-9999', '1234');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Không tìm thấy hồ sơ nào khớp với mã hồ sơ và số điện thoại này. Hãy kiểm tra lại.',
    );
    expect(screen.queryByRole('region', { name: 'Kết quả tra cứu' })).not.toBeInTheDocument();
  });

  it('asks to wait after too many look-ups', async () => {
    api.get('/api/v1/lookup', {
      status: 429,
      body: { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests' },
    });
    await lookUp('04465-261122-0007', '5678');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Bạn đã tra cứu quá nhiều lần, hãy thử lại sau ít phút',
    );
  });

  it('checks the code and the four digits before asking', async () => {
    await lookUp('', '12a');
    expect(screen.getByRole('textbox', { name: 'Mã hồ sơ' })).toHaveAccessibleDescription(
      'Ví dụ: 04465-261122-0007 Hãy nhập mã hồ sơ',
    );
    expect(screen.getByRole('textbox', { name: 'Mã hồ sơ' })).toHaveFocus();
    // Only digits are kept.
    expect(screen.getByRole('textbox', { name: '4 số cuối số điện thoại' })).toHaveValue('12');
    expect(screen.getByText('Hãy nhập đúng 4 chữ số cuối của số điện thoại')).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/lookup')).toHaveLength(0);
  });
});
