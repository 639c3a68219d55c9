import { fireEvent, screen, within } from '@testing-library/react';
import type { FormFieldDefinition } from '@lao-cai-so/domain/application-form';
import type { ApplicationProcedure } from '@/features/applications/types';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import { installApplicationProxy, renderApp, storeDraft } from './support';

// Each field type on its own: a procedure with just that field, opened (from a stored draft) at its step.
endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installIdentityProxy(api);
});

// recoil keeps a selector family's settled values per key across renders: each test opens its own code.
let procedureNumber = 0;

async function openStepWith(field: FormFieldDefinition) {
  procedureNumber += 1;
  const procedure: ApplicationProcedure = {
    code: `9.00000${procedureNumber}`,
    name: 'Thủ tục thử',
    level: 'commune',
    onlineLevel: 'full',
    documents: [],
    fields: [field],
  };
  installApplicationProxy(api, [procedure]);
  storeDraft(procedure.code, { step: 2 });
  const view = renderApp(`/procedures/${procedure.code}/apply`);
  expect(await screen.findByRole('heading', { level: 2, name: 'Thông tin kê khai (1/1)' })).toBeInTheDocument();
  return view;
}

function continueButton() {
  return screen.getByRole('button', { name: 'Tiếp tục' });
}

async function expectReviewShows(label: string, value: string) {
  expect(await screen.findByRole('heading', { level: 2, name: 'Kiểm tra lại thông tin' })).toBeInTheDocument();
  const row = screen.getByText(label, { selector: 'dt' }).closest('div')!;
  expect(within(row).getByRole('definition')).toHaveTextContent(value);
}

describe('every field type renders with its label and help, and validates in Vietnamese', () => {
  it('text: refuses markup, says so under the field, and accepts plain text', async () => {
    const { user } = await openStepWith({
      code: 'child_full_name',
      type: 'text',
      label: 'Họ, chữ đệm và tên của trẻ',
      required: true,
      order: 1,
      help: 'Viết đúng như sẽ ghi trên giấy khai sinh',
      maxLength: 100,
    });
    const input = screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của trẻ/ });
    expect(input).toHaveAccessibleDescription('Viết đúng như sẽ ghi trên giấy khai sinh');

    await user.type(input, '<script>alert(1)</script>');
    await user.click(continueButton());
    expect(screen.getByRole('alert')).toHaveTextContent('Còn 1 mục cần sửa trước khi tiếp tục.');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(
      'Viết đúng như sẽ ghi trên giấy khai sinh Không nhập mã HTML hoặc ký tự < >',
    );
    expect(input).toHaveFocus();

    await user.clear(input);
    await user.type(input, '  Lò Thị Mai ');
    // The error goes as soon as the answer is right.
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.click(continueButton());
    await expectReviewShows('Họ, chữ đệm và tên của trẻ', 'Lò Thị Mai');
  });

  it('textarea: counts the characters against the maximum', async () => {
    const { user } = await openStepWith({
      code: 'reason',
      type: 'textarea',
      label: 'Lý do',
      required: true,
      order: 1,
      maxLength: 10,
    });
    const area = screen.getByRole('textbox', { name: /Lý do/ });
    expect(area.tagName).toBe('TEXTAREA');
    await user.click(continueButton());
    expect(area).toHaveAccessibleDescription('Hãy nhập lý do');
    await user.type(area, 'Mười một ký');
    await user.click(continueButton());
    expect(area).toHaveAccessibleDescription('Nhập tối đa 10 ký tự (hiện có 11 ký tự)');
    await user.clear(area);
    await user.type(area, 'Đi xa');
    await user.click(continueButton());
    await expectReviewShows('Lý do', 'Đi xa');
  });

  it('number: takes digits with a numeric keyboard and checks the bounds', async () => {
    const { user } = await openStepWith({
      code: 'copies_requested',
      type: 'number',
      label: 'Số bản sao',
      required: false,
      order: 1,
      min: 0,
      max: 20,
      integer: true,
    });
    const input = screen.getByRole('textbox', { name: /Số bản sao/ });
    expect(input).toHaveAttribute('inputmode', 'decimal');
    expect(screen.getByText('Không bắt buộc')).toBeInTheDocument();

    await user.type(input, 'hai');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('Chỉ nhập chữ số, ví dụ 2 hoặc 12,5');
    await user.clear(input);
    await user.type(input, '25');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('Hãy nhập số không quá 20');
    await user.clear(input);
    await user.type(input, '2,5');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('Hãy nhập số nguyên, không có phần lẻ');
    await user.clear(input);
    await user.type(input, '3');
    await user.click(continueButton());
    await expectReviewShows('Số bản sao', '3');
  });

  it('date: a native date input bounded by today, shown day first', async () => {
    const { user } = await openStepWith({
      code: 'child_birth_date',
      type: 'date',
      label: 'Ngày sinh',
      required: true,
      order: 1,
      maxDate: 'today',
    });
    const input = screen.getByLabelText(/Ngày sinh/);
    expect(input).toHaveAttribute('type', 'date');
    expect(input.getAttribute('max')).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('Hãy nhập ngày sinh');
    fireEvent.change(input, { target: { value: '2999-01-01' } });
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('Ngày này chưa tới, hãy chọn hôm nay hoặc một ngày trước đó');
    fireEvent.change(input, { target: { value: '2026-01-05' } });
    await user.click(continueButton());
    await expectReviewShows('Ngày sinh', '05/01/2026');
  });

  it('single-choice: radio buttons, one must be chosen', async () => {
    const { user } = await openStepWith({
      code: 'child_sex',
      type: 'single-choice',
      label: 'Giới tính',
      required: true,
      order: 1,
      options: [
        { value: 'nam', label: 'Nam' },
        { value: 'nu', label: 'Nữ' },
      ],
    });
    const group = screen.getByRole('group', { name: /Giới tính/ });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    await user.click(continueButton());
    expect(group).toHaveAttribute('aria-invalid', 'true');
    expect(group).toHaveAccessibleDescription('Hãy chọn giới tính');
    expect(within(group).getByRole('radio', { name: 'Nam' })).toHaveFocus();
    await user.click(within(group).getByRole('radio', { name: 'Nữ' }));
    await user.click(continueButton());
    await expectReviewShows('Giới tính', 'Nữ');
  });

  it('multi-choice: check boxes, at least one when required, shown by their labels', async () => {
    const { user } = await openStepWith({
      code: 'benefit_groups',
      type: 'multi-choice',
      label: 'Chế độ đang hưởng',
      required: true,
      order: 1,
      options: [
        { value: 'luong_huu', label: 'Lương hưu' },
        { value: 'nguoi_co_cong', label: 'Người có công' },
        { value: 'bao_tro', label: 'Bảo trợ xã hội' },
      ],
    });
    const group = screen.getByRole('group', { name: /Chế độ đang hưởng/ });
    await user.click(continueButton());
    expect(group).toHaveAccessibleDescription('Hãy chọn chế độ đang hưởng');
    await user.click(within(group).getByRole('checkbox', { name: 'Bảo trợ xã hội' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Lương hưu' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Người có công' }));
    await user.click(within(group).getByRole('checkbox', { name: 'Người có công' }));
    await user.click(continueButton());
    await expectReviewShows('Chế độ đang hưởng', 'Bảo trợ xã hội, Lương hưu');
  });

  it('citizen-id: 12 digits with a real province code', async () => {
    const { user } = await openStepWith({
      code: 'mother_citizen_id',
      type: 'citizen-id',
      label: 'Số CCCD của người mẹ',
      required: true,
      order: 1,
      help: '12 chữ số trên thẻ căn cước',
    });
    const input = screen.getByRole('textbox', { name: /Số CCCD của người mẹ/ });
    expect(input).toHaveAttribute('inputmode', 'numeric');
    await user.type(input, '12345');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription('12 chữ số trên thẻ căn cước Số CCCD gồm 12 chữ số');
    await user.clear(input);
    await user.type(input, '099190001234');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription(
      '12 chữ số trên thẻ căn cước Kiểm tra lại số CCCD: 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh (từ 001 đến 096)',
    );
    await user.clear(input);
    await user.type(input, '010190001234');
    await user.click(continueButton());
    await expectReviewShows('Số CCCD của người mẹ', '010190001234');
  });

  it('phone: a Vietnamese mobile number on the phone keypad', async () => {
    const { user } = await openStepWith({
      code: 'spouse_phone',
      type: 'phone',
      label: 'Số điện thoại của người kết hôn với bạn',
      required: false,
      order: 1,
    });
    const input = screen.getByRole('textbox', { name: /Số điện thoại của người kết hôn với bạn/ });
    expect(input).toHaveAttribute('type', 'tel');
    await user.type(input, '0212345678');
    await user.click(continueButton());
    expect(input).toHaveAccessibleDescription(
      'Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09',
    );
    await user.clear(input);
    await user.type(input, '0912 345 678');
    await user.click(continueButton());
    await expectReviewShows('Số điện thoại của người kết hôn với bạn', '0912 345 678');
  });

  it('commune: searched by a former commune name, shown by its name', async () => {
    const { user } = await openStepWith({
      code: 'residence_commune',
      type: 'commune',
      label: 'Xã, phường nơi cư trú',
      required: true,
      order: 1,
    });
    const group = screen.getByRole('group', { name: /Xã, phường nơi cư trú/ });
    await user.click(continueButton());
    expect(screen.getByRole('alert')).toHaveTextContent('Còn 1 mục cần sửa');
    expect(within(group).getByText('Hãy chọn xã, phường nơi cư trú')).toBeInTheDocument();

    await user.type(within(group).getByRole('searchbox', { name: 'Tìm theo tên xã, phường' }), 'hồ bốn');
    await user.click(await within(group).findByRole('button', { name: /Xã Khao Mang/ }));
    expect(within(group).getByText('Xã Khao Mang')).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/offices').at(-1)!.params).toMatchObject({ q: 'hồ bốn' });
    await user.click(continueButton());
    await expectReviewShows('Xã, phường nơi cư trú', 'Xã Khao Mang');
  });
});
