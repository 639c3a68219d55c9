import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  APPLICANT_FIELDS,
  CITIZEN_ID_PROVINCE_CODES,
  applicationFields,
  formatDate,
  todayInVietnam,
  validateAttachments,
  validateField,
  validateFields,
  type FormFieldDefinition,
  type FormRuleContext,
} from '../src/application-form';

const context: FormRuleContext = { today: '2026-11-22', communeCodes: new Set(['04465', '02647']) };

function field(overrides: Partial<FormFieldDefinition> & Pick<FormFieldDefinition, 'type'>): FormFieldDefinition {
  return { code: 'answer', label: 'Họ và tên người mẹ', required: true, order: 1, ...overrides };
}

function accepts(definition: FormFieldDefinition, raw: unknown, ctx = context) {
  const result = validateField(definition, raw, ctx);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} to pass, got "${result.message}"`);
  return result.value;
}

function refuses(definition: FormFieldDefinition, raw: unknown, ctx = context) {
  const result = validateField(definition, raw, ctx);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} to fail, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('text and textarea', () => {
  const text = field({ type: 'text', maxLength: 10 });

  it('trims and keeps Vietnamese text, composed (NFC)', () => {
    expect(accepts(text, '  Lò Thị Mai ')).toBe('Lò Thị Mai');
    expect(accepts(text, 'Lò Thị Mai'.normalize('NFD'))).toBe('Lò Thị Mai');
  });

  it('asks for a required answer, naming the field', () => {
    expect(refuses(text, '')).toBe('Hãy nhập họ và tên người mẹ');
    expect(refuses(text, '   ')).toBe('Hãy nhập họ và tên người mẹ');
    expect(refuses(text, undefined)).toBe('Hãy nhập họ và tên người mẹ');
    expect(refuses(text, null)).toBe('Hãy nhập họ và tên người mẹ');
  });

  it('lets an optional field stay empty', () => {
    expect(accepts({ ...text, required: false }, '')).toBeUndefined();
    expect(accepts({ ...text, required: false }, undefined)).toBeUndefined();
  });

  it('counts the maximum length after trimming', () => {
    expect(accepts(text, ` ${'a'.repeat(10)} `)).toBe('a'.repeat(10));
    expect(refuses(text, 'a'.repeat(11))).toBe('Nhập tối đa 10 ký tự (hiện có 11 ký tự)');
  });

  it('caps text without a maxLength at 500 characters and textarea at 5000', () => {
    expect(accepts(field({ type: 'text' }), 'a'.repeat(500))).toHaveLength(500);
    expect(refuses(field({ type: 'text' }), 'a'.repeat(501))).toMatch(/^Nhập tối đa 500 ký tự/);
    expect(accepts(field({ type: 'textarea' }), 'dòng 1\ndòng 2')).toBe('dòng 1\ndòng 2');
    expect(refuses(field({ type: 'textarea' }), 'a'.repeat(5001))).toMatch(/^Nhập tối đa 5000 ký tự/);
  });

  it.each(['<script>alert(1)</script>', 'Mai <b>', 'a > b', '<img src=x onerror=alert(1)>', '</p>'])(
    'refuses markup and angle brackets: %j',
    (input) => {
      expect(refuses(text, input)).toBe('Không nhập mã HTML hoặc ký tự < >');
      expect(refuses(field({ type: 'textarea' }), input)).toBe('Không nhập mã HTML hoặc ký tự < >');
    },
  );

  it('refuses a value that is not text', () => {
    expect(refuses(text, 42)).toBe('Hãy nhập chữ');
    expect(refuses(text, ['a'])).toBe('Hãy nhập chữ');
  });
});

describe('number', () => {
  const copies = field({ type: 'number', label: 'Số bản sao', min: 0, max: 20 });

  it('accepts numbers and numeric text, with a Vietnamese decimal comma or thousands dots', () => {
    expect(accepts(copies, 3)).toBe(3);
    expect(accepts(copies, ' 3 ')).toBe(3);
    expect(accepts(copies, '12,5')).toBe(12.5);
    expect(accepts(field({ type: 'number' }), '1.000.000')).toBe(1_000_000);
    expect(accepts(field({ type: 'number' }), '1 000 000')).toBe(1_000_000);
  });

  it('checks both bounds, inclusive', () => {
    expect(accepts(copies, 0)).toBe(0);
    expect(accepts(copies, 20)).toBe(20);
    expect(refuses(copies, -1)).toBe('Hãy nhập số từ 0 trở lên');
    expect(refuses(copies, 21)).toBe('Hãy nhập số không quá 20');
    expect(refuses(field({ type: 'number', max: 1_000_000_000_000 }), '2.000.000.000.000')).toBe(
      'Hãy nhập số không quá 1.000.000.000.000',
    );
  });

  it('takes only whole numbers where the field says so', () => {
    const persons = { ...copies, integer: true };
    expect(accepts(persons, '4')).toBe(4);
    expect(refuses(persons, '2,5')).toBe('Hãy nhập số nguyên, không có phần lẻ');
    expect(accepts(copies, '2,5')).toBe(2.5);
  });

  it('refuses text that is not a number', () => {
    for (const input of ['hai', '2a', '1,2,3', 'Infinity', true]) {
      expect(refuses(copies, input)).toBe('Chỉ nhập chữ số, ví dụ 2 hoặc 12,5');
    }
    expect(refuses(copies, Number.POSITIVE_INFINITY)).toBe('Chỉ nhập chữ số, ví dụ 2 hoặc 12,5');
  });

  it('is required or optional as defined', () => {
    expect(refuses(copies, '')).toBe('Hãy nhập số bản sao');
    expect(accepts({ ...copies, required: false }, '')).toBeUndefined();
  });
});

describe('date', () => {
  const birth = field({ type: 'date', label: 'Ngày sinh', maxDate: 'today' });
  const appointment = field({ type: 'date', label: 'Ngày hẹn', minDate: 'today' });

  it('accepts real calendar dates in ISO form', () => {
    expect(accepts(birth, '2024-02-29')).toBe('2024-02-29');
    expect(refuses(birth, '2023-02-29')).toBe('Hãy chọn ngày theo lịch (ngày/tháng/năm)');
    expect(refuses(birth, '2024-13-01')).toBe('Hãy chọn ngày theo lịch (ngày/tháng/năm)');
    expect(refuses(birth, '22/11/2026')).toBe('Hãy chọn ngày theo lịch (ngày/tháng/năm)');
    expect(refuses(birth, '2026-11-2')).toBe('Hãy chọn ngày theo lịch (ngày/tháng/năm)');
    expect(refuses(birth, 20261122)).toBe('Hãy chọn ngày theo lịch (ngày/tháng/năm)');
  });

  it('reads "today" from the context, not the clock', () => {
    expect(accepts(birth, '2026-11-22')).toBe('2026-11-22');
    expect(refuses(birth, '2026-11-23')).toBe('Ngày này chưa tới, hãy chọn hôm nay hoặc một ngày trước đó');
    expect(accepts(birth, '2026-11-23', { today: '2026-11-23' })).toBe('2026-11-23');
    expect(accepts(appointment, '2026-11-22')).toBe('2026-11-22');
    expect(refuses(appointment, '2026-11-21')).toBe('Hãy chọn ngày từ hôm nay trở đi');
  });

  it('checks fixed bounds and writes them day first', () => {
    const issued = field({ type: 'date', minDate: '1945-09-02', maxDate: '2025-06-30' });
    expect(accepts(issued, '1945-09-02')).toBe('1945-09-02');
    expect(accepts(issued, '2025-06-30')).toBe('2025-06-30');
    expect(refuses(issued, '1945-09-01')).toBe('Hãy chọn ngày từ 02/09/1945 trở đi');
    expect(refuses(issued, '2025-07-01')).toBe('Hãy chọn ngày không sau 30/06/2025');
  });

  it('is required or optional as defined', () => {
    expect(refuses(birth, '')).toBe('Hãy nhập ngày sinh');
    expect(accepts({ ...birth, required: false }, '')).toBeUndefined();
  });
});

describe('single-choice and multi-choice', () => {
  const options = [
    { value: 'nam', label: 'Nam' },
    { value: 'nu', label: 'Nữ' },
  ];
  const sex = field({ type: 'single-choice', label: 'Giới tính', options });
  const benefits = field({
    type: 'multi-choice',
    label: 'Chế độ đang hưởng',
    options: [
      { value: 'luong_huu', label: 'Lương hưu' },
      { value: 'nguoi_co_cong', label: 'Người có công' },
      { value: 'bao_tro', label: 'Bảo trợ xã hội' },
    ],
  });

  it('takes one of the options', () => {
    expect(accepts(sex, 'nu')).toBe('nu');
    expect(refuses(sex, 'khac')).toBe('Hãy chọn một trong các lựa chọn có sẵn');
    expect(refuses(sex, ['nu'])).toBe('Hãy chọn một trong các lựa chọn có sẵn');
    expect(refuses(sex, '')).toBe('Hãy chọn giới tính');
  });

  it('takes several options, in the catalogue order and without repeats', () => {
    expect(accepts(benefits, ['bao_tro', 'luong_huu', 'bao_tro'])).toEqual(['luong_huu', 'bao_tro']);
    expect(refuses(benefits, ['luong_huu', 'khac'])).toBe('Hãy chọn một trong các lựa chọn có sẵn');
    expect(refuses(benefits, 'luong_huu')).toBe('Hãy chọn một trong các lựa chọn có sẵn');
    expect(refuses(benefits, [])).toBe('Hãy chọn chế độ đang hưởng');
    expect(accepts({ ...benefits, required: false }, [])).toBeUndefined();
  });

  it('answers a question-shaped label with a plain request', () => {
    const married = field({ type: 'single-choice', label: 'Cha, mẹ của trẻ đã đăng ký kết hôn chưa?', options });
    expect(refuses(married, undefined)).toBe('Hãy trả lời câu hỏi này');
  });
});

describe('citizen-id (CCCD)', () => {
  const id = field({ type: 'citizen-id', label: 'Số CCCD của người mẹ' });

  it('takes 12 digits opening with a province code, spaces allowed', () => {
    expect(accepts(id, '010190001234')).toBe('010190001234');
    expect(accepts(id, '0101 9000 1234')).toBe('010190001234');
    expect(accepts(id, '001300000001')).toBe('001300000001');
    expect(accepts(id, '096099999999')).toBe('096099999999');
  });

  it.each(['01019000123', '0101900012345', '01019000123a', 'CCCD01019000'])(
    'refuses %j: not 12 digits',
    (input) => {
      expect(refuses(id, input)).toBe('Số CCCD gồm 12 chữ số');
    },
  );

  it.each(['000190001234', '003190001234', '097190001234', '999190001234', '016190001234'])(
    'refuses %j: no such province code',
    (input) => {
      expect(refuses(id, input)).toBe(
        'Kiểm tra lại số CCCD: 3 chữ số đầu là mã tỉnh nơi đăng ký khai sinh (từ 001 đến 096)',
      );
    },
  );

  it('knows the 63 province codes between 001 and 096, Lào Cai (010) and Yên Bái (015) among them', () => {
    expect(CITIZEN_ID_PROVINCE_CODES.size).toBe(63);
    expect(CITIZEN_ID_PROVINCE_CODES.has('010')).toBe(true);
    expect(CITIZEN_ID_PROVINCE_CODES.has('015')).toBe(true);
    expect([...CITIZEN_ID_PROVINCE_CODES].every((code) => code >= '001' && code <= '096')).toBe(true);
  });

  it('refuses a number given as a JSON number (leading zeros would be lost)', () => {
    expect(refuses(id, 10190001234)).toBe('Số CCCD gồm 12 chữ số');
  });

  it('is required or optional as defined', () => {
    expect(refuses(id, '')).toBe('Hãy nhập số CCCD của người mẹ');
    expect(accepts({ ...id, required: false }, ' ')).toBeUndefined();
  });
});

describe('phone', () => {
  const phone = field({ type: 'phone', label: 'Số điện thoại' });

  it('normalises Vietnamese mobiles to 84…', () => {
    expect(accepts(phone, '0912345678')).toBe('84912345678');
    expect(accepts(phone, '0912 345 678')).toBe('84912345678');
    expect(accepts(phone, '0912.345.678')).toBe('84912345678');
    expect(accepts(phone, '84912345678')).toBe('84912345678');
    expect(accepts(phone, '+84 912 345 678')).toBe('84912345678');
    for (const prefix of ['03', '05', '07', '08', '09']) expect(accepts(phone, `${prefix}12345678`)).toMatch(/^84/);
  });

  it.each(['091234567', '09123456789', '0212345678', '02143123456', '0412345678', '8491234567', '1912345678', 'abc'])(
    'refuses %j',
    (input) => {
      expect(refuses(phone, input)).toBe('Số điện thoại di động gồm 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09');
    },
  );

  it('is required or optional as defined', () => {
    expect(refuses(phone, '')).toBe('Hãy nhập số điện thoại');
    expect(accepts({ ...phone, required: false }, '')).toBeUndefined();
  });
});

describe('commune', () => {
  const commune = field({ type: 'commune', label: 'Xã, phường nơi cư trú' });

  it('takes one of the unit codes it is given', () => {
    expect(accepts(commune, '04465')).toBe('04465');
    expect(refuses(commune, '04466')).toBe('Hãy chọn xã, phường trong danh sách');
    expect(refuses(commune, 'H38')).toBe('Hãy chọn xã, phường trong danh sách');
    expect(refuses(commune, 4465)).toBe('Hãy chọn xã, phường trong danh sách');
    expect(refuses(commune, '')).toBe('Hãy chọn xã, phường nơi cư trú');
  });

  it('checks only the 5-digit shape when no list is given', () => {
    expect(accepts(commune, '99999', { today: '2026-11-22' })).toBe('99999');
    expect(refuses(commune, '9999', { today: '2026-11-22' })).toBe('Hãy chọn xã, phường trong danh sách');
  });
});

describe('a whole form', () => {
  const catalogue = JSON.parse(
    readFileSync(path.join(__dirname, '../../data/procedures.json'), 'utf8'),
  ) as { procedures: { code: string; fields: FormFieldDefinition[]; documents: { code: string; name: string; required: boolean }[] }[] };
  const birth = catalogue.procedures.find((procedure) => procedure.code === '1.001193')!;
  const fields = applicationFields(birth.fields);

  const valid = {
    applicant_full_name: 'Lò Văn Sáng',
    applicant_phone: '0912345678',
    applicant_citizen_id: '010090001234',
    applicant_relationship: 'cha',
    child_full_name: 'Lò Thị Mai',
    child_birth_date: '2026-11-20',
    child_sex: 'nu',
    child_ethnicity: 'Thái',
    birth_place_type: 'co_so_y_te',
    birth_place: 'Bệnh viện Đa khoa tỉnh Lào Cai',
    mother_full_name: 'Lường Thị Hoa',
    parents_married: 'co',
    residence_commune: '04465',
  };

  it('puts the applicant first, then the procedure fields in their order', () => {
    expect(fields.slice(0, 3).map((entry) => entry.code)).toEqual([
      'applicant_full_name',
      'applicant_phone',
      'applicant_citizen_id',
    ]);
    const orders = fields.slice(3).map((entry) => entry.order);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('gives normalised answers and leaves unanswered optional fields out', () => {
    const result = validateFields(fields, { ...valid, hometown: '  ', copies_requested: '2' }, context);
    expect(result).toEqual({
      ok: true,
      value: { ...valid, applicant_phone: '84912345678', copies_requested: 2 },
    });
  });

  it('gives one Vietnamese message per wrong field and refuses fields the procedure does not define', () => {
    const result = validateFields(
      fields,
      { ...valid, child_birth_date: '2026-12-01', mother_citizen_id: '12345', note: '<script>', is_admin: true },
      context,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        child_birth_date: 'Ngày này chưa tới, hãy chọn hôm nay hoặc một ngày trước đó',
        mother_citizen_id: 'Số CCCD gồm 12 chữ số',
        note: 'Trường “note” không có trong thủ tục này',
        is_admin: 'Trường “is_admin” không có trong thủ tục này',
      },
    });
  });

  it('refuses answers that are not an object', () => {
    for (const input of [null, 'x', []]) {
      expect(validateFields(fields, input, context)).toEqual({
        ok: false,
        errors: { _: 'Thông tin kê khai không đúng định dạng' },
      });
    }
  });

  it('has applicant field codes that no catalogue procedure uses', () => {
    const applicantCodes = new Set(APPLICANT_FIELDS.map((entry) => entry.code));
    const clashes = catalogue.procedures.flatMap((procedure) =>
      procedure.fields.filter((entry) => applicantCodes.has(entry.code)).map((entry) => `${procedure.code}:${entry.code}`),
    );
    expect(clashes).toEqual([]);
  });

  it('can check every catalogue procedure: all fields blank gives exactly the required ones', () => {
    for (const procedure of catalogue.procedures) {
      const all = applicationFields(procedure.fields);
      const result = validateFields(all, {}, context);
      const required = all.filter((entry) => entry.required).map((entry) => entry.code);
      expect(result.ok ? [] : Object.keys(result.errors)).toEqual(required);
    }
  });
});

describe('attachments', () => {
  const documents = [
    { code: 'to-khai', name: 'Tờ khai', required: true },
    { code: 'giay-chung-sinh', name: 'Giấy chứng sinh', required: true },
    { code: 'uy-quyen', name: 'Văn bản ủy quyền', required: false },
  ];

  it('passes when every required document has an upload', () => {
    const attachments = [
      { documentCode: 'to-khai', uploadId: 'u1' },
      { documentCode: 'giay-chung-sinh', uploadId: 'u2' },
      { documentCode: 'giay-chung-sinh', uploadId: 'u3' },
    ];
    expect(validateAttachments(documents, attachments)).toEqual({ ok: true, value: attachments });
  });

  it('names each missing required document and each unknown one', () => {
    expect(
      validateAttachments(documents, [
        { documentCode: 'uy-quyen', uploadId: 'u1' },
        { documentCode: 'ho-chieu', uploadId: 'u2' },
      ]),
    ).toEqual({
      ok: false,
      errors: {
        'ho-chieu': 'Giấy tờ “ho-chieu” không có trong thủ tục này',
        'to-khai': 'Hãy đính kèm ảnh hoặc tệp PDF của giấy tờ này',
        'giay-chung-sinh': 'Hãy đính kèm ảnh hoặc tệp PDF của giấy tờ này',
      },
    });
  });

  it('refuses the same upload twice and too many files for one document', () => {
    const twice = validateAttachments(documents, [
      { documentCode: 'to-khai', uploadId: 'u1' },
      { documentCode: 'giay-chung-sinh', uploadId: 'u1' },
    ]);
    expect(twice).toEqual({ ok: false, errors: { 'giay-chung-sinh': 'Một tệp chỉ đính kèm một lần' } });

    const many = [
      { documentCode: 'to-khai', uploadId: 'a' },
      ...['b', 'c', 'd'].map((uploadId) => ({ documentCode: 'giay-chung-sinh', uploadId })),
    ];
    expect(validateAttachments(documents, many, 2)).toEqual({
      ok: false,
      errors: { 'giay-chung-sinh': 'Mỗi giấy tờ đính kèm tối đa 2 tệp' },
    });
    expect(validateAttachments(documents, many, 3).ok).toBe(true);
  });

  it('refuses a malformed list', () => {
    for (const input of [null, {}, [{ documentCode: 'to-khai' }], [{ documentCode: 'to-khai', uploadId: 'u', x: 1 }]]) {
      expect(validateAttachments(documents, input)).toEqual({
        ok: false,
        errors: { _: 'Danh sách giấy tờ đính kèm không đúng định dạng' },
      });
    }
  });
});

describe('dates in Vietnam', () => {
  it('turns an instant into the Vietnamese calendar date (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-22T16:59:59Z'))).toBe('2026-11-22');
    expect(todayInVietnam(new Date('2026-11-22T17:00:00Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
  });

  it('writes a date day first', () => {
    expect(formatDate('2026-02-09')).toBe('09/02/2026');
  });
});
