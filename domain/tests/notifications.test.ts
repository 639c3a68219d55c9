// The pure rules of notifications: which status events notify, the Vietnamese words, ZBS template data, the error
// classes of the reference, quiet hours and daily limits on Vietnam's clock, and the retry backoff.
import {
  classifyZaloError,
  composeNotification,
  DEFAULT_QUIET_HOURS,
  endOfQuietHours,
  isQuietTime,
  miniAppTemplateData,
  NOTIFICATION_KINDS,
  NOTIFICATION_TITLES,
  notificationKindFor,
  type NotificationFacts,
  nextSendingDay,
  parseQuietHours,
  retryDelaySeconds,
  sameVietnamDay,
  TITLE_MAX_LENGTH,
  zbsTemplateData,
} from '../src/notifications';

const vn = (local: string) => new Date(`${local}+07:00`);

describe('which status events notify', () => {
  const change = (status: number, outcome: 'changed' | 'refreshed' = 'changed', extra: Partial<Parameters<typeof notificationKindFor>[0]> = {}) =>
    notificationKindFor({ status: status as 2, outcome, action: null, dueAt: null, previousDueAt: null, ...extra });

  it('a new status: 2, 3, 5, 6, 8, 9, 10 notify; 1, 4, 7 do not', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((status) => change(status))).toEqual([
      null,
      'received',
      'refused',
      null,
      'supplement-required',
      'fee-required',
      null,
      'stopped',
      'result-ready',
      'returned',
    ]);
  });

  it('a refresh notifies only a delay (Mẫu 04) while the office holds the dossier', () => {
    expect(change(4, 'refreshed', { action: 'delay' })).toBe('delayed');
    expect(change(2, 'refreshed', { action: 'delay' })).toBe('delayed');
    expect(change(4, 'refreshed', { action: 'start-processing' })).toBeNull();
    expect(change(5, 'refreshed', { action: 'delay' })).toBeNull();
    // A step read from the dossier (no action): a due date moved later is a delay; the same or earlier is not.
    const due = vn('2026-03-05T17:00:00');
    const later = vn('2026-03-12T17:00:00');
    expect(change(4, 'refreshed', { dueAt: later, previousDueAt: due })).toBe('delayed');
    expect(change(4, 'refreshed', { dueAt: due, previousDueAt: due })).toBeNull();
    expect(change(4, 'refreshed', { dueAt: due, previousDueAt: later })).toBeNull();
    expect(change(9, 'refreshed', { dueAt: later, previousDueAt: due })).toBeNull();
  });
});

describe('the words of a message', () => {
  const facts: NotificationFacts = {
    procedureName: 'Đăng ký khai sinh',
    receiptCode: '04465-261122-0007',
    dueAt: vn('2026-11-25T17:00:00'),
    reason: null,
    supplementDocuments: ['Bản sao giấy khai sinh', 'Xác nhận nơi cư trú'],
    fee: { amount: 25000, description: 'Lệ phí cấp bản sao' },
    pickupPlace: 'Bộ phận một cửa xã Khao Mang',
    delayedTo: vn('2026-12-02T17:00:00'),
  };

  it('every title fits the mini app limit of 32 characters', () => {
    for (const kind of NOTIFICATION_KINDS) expect(NOTIFICATION_TITLES[kind].length).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
  });

  it('names the procedure, the receipt code, what happened and what to do', () => {
    expect(composeNotification('supplement-required', facts)).toEqual({
      title: 'Hồ sơ cần bổ sung giấy tờ',
      body:
        'Đăng ký khai sinh — mã hồ sơ 04465-261122-0007: cơ quan yêu cầu bổ sung Bản sao giấy khai sinh; Xác nhận nơi ' +
        'cư trú. Mở hồ sơ để gửi bổ sung.',
      params: {
        procedureName: 'Đăng ký khai sinh',
        receiptCode: '04465-261122-0007',
        dueDate: null,
        detail: 'cơ quan yêu cầu bổ sung Bản sao giấy khai sinh; Xác nhận nơi cư trú. Mở hồ sơ để gửi bổ sung.',
      },
    });
    expect(composeNotification('received', facts).body).toBe(
      'Đăng ký khai sinh — mã hồ sơ 04465-261122-0007: cơ quan đã tiếp nhận hồ sơ, hẹn trả kết quả ngày 25/11/2026.',
    );
    expect(composeNotification('fee-required', facts).body).toContain('cần nộp 25.000 đồng (Lệ phí cấp bản sao)');
    expect(composeNotification('delayed', facts).body).toContain('hẹn lại ngày 02/12/2026');
    expect(composeNotification('result-ready', facts).body).toContain('nhận tại Bộ phận một cửa xã Khao Mang');
    expect(composeNotification('stopped', { ...facts, reason: 'Hồ sơ không đủ điều kiện' }).body).toContain(
      'dừng xử lý hồ sơ. Lý do: Hồ sơ không đủ điều kiện. Mở hồ sơ',
    );
  });

  it.each([
    ['received', 'Hồ sơ đã được tiếp nhận', 'cơ quan đã tiếp nhận hồ sơ, hẹn trả kết quả ngày 25/11/2026.'],
    ['refused', 'Hồ sơ không được tiếp nhận', 'cơ quan không tiếp nhận hồ sơ. Lý do: Thiếu chữ ký của người yêu cầu. Mở hồ sơ để xem chi tiết.'],
    [
      'supplement-required',
      'Hồ sơ cần bổ sung giấy tờ',
      'cơ quan yêu cầu bổ sung Bản sao giấy khai sinh; Xác nhận nơi cư trú. Mở hồ sơ để gửi bổ sung.',
    ],
    ['fee-required', 'Hồ sơ cần nộp phí, lệ phí', 'cần nộp 25.000 đồng (Lệ phí cấp bản sao). Mở hồ sơ để xem cách nộp.'],
    ['stopped', 'Hồ sơ đã dừng xử lý', 'cơ quan đã dừng xử lý hồ sơ. Lý do: Thiếu chữ ký của người yêu cầu. Mở hồ sơ để xem chi tiết.'],
    ['delayed', 'Hồ sơ được hẹn lại ngày trả', 'cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày 02/12/2026.'],
    [
      'result-ready',
      'Hồ sơ đã có kết quả',
      'đã có kết quả, mời bạn nhận tại Bộ phận một cửa xã Khao Mang. Mở hồ sơ để xem cách nhận.',
    ],
    ['returned', 'Đã trả kết quả hồ sơ', 'kết quả đã được trả. Cảm ơn bạn; mở hồ sơ để đánh giá dịch vụ.'],
  ] as const)('%s: "%s", with the procedure, the receipt code and the next step', (kind, title, detail) => {
    const content = composeNotification(kind, { ...facts, reason: 'Thiếu chữ ký của người yêu cầu' });
    expect(content.title).toBe(title);
    expect(content.body).toBe(`Đăng ký khai sinh — mã hồ sơ 04465-261122-0007: ${detail}`);
  });

  it('every kind of message is one of the eight above', () => {
    expect([...NOTIFICATION_KINDS].sort()).toEqual(
      ['delayed', 'fee-required', 'received', 'refused', 'result-ready', 'returned', 'stopped', 'supplement-required'].sort(),
    );
  });

  it('without a receipt code or details, still a complete sentence', () => {
    const bare: NotificationFacts = { ...facts, receiptCode: null, supplementDocuments: [], fee: null, pickupPlace: null, dueAt: null, delayedTo: null };
    expect(composeNotification('supplement-required', bare).body).toBe(
      'Đăng ký khai sinh: cơ quan yêu cầu bổ sung giấy tờ. Mở hồ sơ để gửi bổ sung.',
    );
    expect(composeNotification('received', bare).body).toBe('Đăng ký khai sinh: cơ quan đã tiếp nhận hồ sơ.');
  });

  it('ZBS template data: the parameters of the class, strings, the link last; mini app data with a button', () => {
    const content = composeNotification('received', facts);
    const link = 'https://zalo.me/s/1234567890123456789/?application=5b0c8f7e-0000-4000-8000-000000000001';
    expect(zbsTemplateData('received', content, link)).toEqual({
      procedure_name: 'Đăng ký khai sinh',
      receipt_code: '04465-261122-0007',
      due_date: '25/11/2026',
      link,
    });
    const action = zbsTemplateData('fee-required', composeNotification('fee-required', facts), link);
    expect(Object.keys(action)).toEqual(['procedure_name', 'receipt_code', 'status', 'detail', 'link']);
    expect(action.status).toBe('Hồ sơ cần nộp phí, lệ phí');
    expect(miniAppTemplateData(content, link)).toEqual({
      title: 'Hồ sơ đã được tiếp nhận',
      contentTitle: 'Đăng ký khai sinh',
      contentDescription: content.body,
      buttonText: 'Xem hồ sơ',
      buttonUrl: link,
    });
  });
});

describe("Zalo's error classes (reference)", () => {
  it.each([
    [-124, 'zbs', 'token'],
    [-216, 'zbs', 'token'],
    [452, 'zbs', 'token'],
    [-124, 'mini-app', 'technical'],
    [-32, 'zbs', 'transient'],
    [-100, 'mini-app', 'transient'],
    [-144, 'zbs', 'tomorrow'],
    [-147, 'mini-app', 'tomorrow'],
    [-133, 'zbs', 'after-quiet-hours'],
    [-234, 'mini-app', 'after-quiet-hours'],
    [-108, 'zbs', 'permanent'],
    [-118, 'zbs', 'permanent'],
    [-119, 'mini-app', 'permanent'],
    [-131, 'zbs', 'permanent'],
    [-141, 'mini-app', 'permanent'],
    [-112, 'zbs', 'technical'],
    [-999, 'zbs', 'technical'],
  ] as const)('%i on %s → %s', (code, channel, expected) => {
    expect(classifyZaloError(channel, code)).toBe(expected);
  });
});

describe('quiet hours and days on Vietnam time', () => {
  it('22:00–06:00 is quiet, across midnight', () => {
    expect(parseQuietHours('22:00-06:00')).toEqual(DEFAULT_QUIET_HOURS);
    expect(parseQuietHours('25:00-06:00')).toBeNull();
    expect(parseQuietHours('06:00-06:00')).toBeNull();
    for (const [local, quiet] of [
      ['2026-03-02T21:59:59', false],
      ['2026-03-02T22:00:00', true],
      ['2026-03-03T00:30:00', true],
      ['2026-03-03T05:59:00', true],
      ['2026-03-03T06:00:00', false],
      ['2026-03-03T12:00:00', false],
    ] as const) {
      expect([local, isQuietTime(vn(local), DEFAULT_QUIET_HOURS)]).toEqual([local, quiet]);
    }
  });

  it('quiet hours end at the next 06:00; a daily limit waits for 06:00 of the next day', () => {
    expect(endOfQuietHours(vn('2026-03-02T23:00:00'), DEFAULT_QUIET_HOURS)).toEqual(vn('2026-03-03T06:00:00'));
    expect(endOfQuietHours(vn('2026-03-03T02:00:00'), DEFAULT_QUIET_HOURS)).toEqual(vn('2026-03-03T06:00:00'));
    expect(nextSendingDay(vn('2026-03-02T09:00:00'), DEFAULT_QUIET_HOURS)).toEqual(vn('2026-03-03T06:00:00'));
    expect(nextSendingDay(vn('2026-03-31T21:00:00'), DEFAULT_QUIET_HOURS)).toEqual(vn('2026-04-01T06:00:00'));
    // Quiet hours that do not cross midnight: the next day starts at midnight.
    expect(nextSendingDay(vn('2026-03-02T09:00:00'), { startMinute: 12 * 60, endMinute: 13 * 60 })).toEqual(vn('2026-03-03T00:00:00'));
  });

  it('a Vietnamese day is not a UTC day', () => {
    expect(sameVietnamDay(vn('2026-03-02T06:30:00'), vn('2026-03-02T23:59:00'))).toBe(true);
    // 2026-03-02T23:30 UTC is already 3 March in Vietnam.
    expect(sameVietnamDay(new Date('2026-03-02T16:00:00Z'), new Date('2026-03-02T18:00:00Z'))).toBe(false);
  });
});

test('retries back off exponentially with jitter, up to the cap', () => {
  expect(retryDelaySeconds(1, 30, 1800, 0)).toBe(15);
  expect(retryDelaySeconds(1, 30, 1800, 1)).toBe(30);
  expect(retryDelaySeconds(3, 30, 1800, 1)).toBe(120);
  expect(retryDelaySeconds(20, 30, 1800, 1)).toBe(1800);
  expect(retryDelaySeconds(20, 30, 1800, 0)).toBe(900);
});
