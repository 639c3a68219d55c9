// The sandbox's status rules checked against public-service-domain.md ("Dossier statuses"), not against the proxy's:
// the proxy's tests drive it against this sandbox, so a wrong transition rule in the proxy meets this one.
import { NEXT_STATUSES, STATUS_NAMES, clockRuns, isTerminal, type DossierStatus } from '../../src/one-stop/dossier-statuses';
import { OFFICER_ACTIONS, type OfficerAction } from '../../src/one-stop/dossier-workflow';
import { type OfficerSandbox, startOfficerSandbox } from './officer-support';
import { birthRegistration, json } from './one-stop-api';
import type { Json } from '../support/sandbox-server';

const ALL: DossierStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('the status table, against the reference', () => {
  it('names the ten national codes word for word', () => {
    expect(STATUS_NAMES).toEqual({
      1: 'Mới đăng ký',
      2: 'Được tiếp nhận',
      3: 'Không được tiếp nhận',
      4: 'Đang xử lý',
      5: 'Yêu cầu bổ sung giấy tờ',
      6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
      7: 'Công dân yêu cầu rút hồ sơ',
      8: 'Dừng xử lý',
      9: 'Đã xử lý xong',
      10: 'Đã trả kết quả',
    });
  });

  it('ends only at the terminal codes 3, 7, 8 and 10, and every other code can reach one', () => {
    expect(ALL.filter(isTerminal)).toEqual([3, 7, 8, 10]);
    const reachesEnd = (from: DossierStatus, seen = new Set<DossierStatus>()): boolean =>
      isTerminal(from) || NEXT_STATUSES[from].some((next) => !seen.has(next) && reachesEnd(next, seen.add(next)));
    expect(ALL.filter((status) => !reachesEnd(status))).toEqual([]);
  });

  it('never goes back to 1, refuses only at intake, and hands over only a decided dossier', () => {
    expect(ALL.filter((from) => NEXT_STATUSES[from].includes(1))).toEqual([]);
    expect(ALL.filter((from) => NEXT_STATUSES[from].includes(3))).toEqual([1]);
    expect(ALL.filter((from) => NEXT_STATUSES[from].includes(10))).toEqual([9]);
    expect(NEXT_STATUSES[9]).toEqual([10]);
  });

  it('resumes processing when the supplement arrives (5→4) and lets the citizen withdraw until it is decided', () => {
    expect(NEXT_STATUSES[5]).toContain(4);
    expect(ALL.filter((from) => NEXT_STATUSES[from].includes(7))).toEqual([1, 2, 4, 5, 6]);
  });

  it('runs the office’s clock only while it holds the dossier undecided, not while the citizen must act (5, 6, 9)', () => {
    expect(ALL.filter(clockRuns)).toEqual([1, 2, 4]);
  });
});

/** What the officer console allows in each status, from the README's action table. */
const ALLOWED: Record<DossierStatus, OfficerAction[]> = {
  1: ['accept', 'refuse'],
  2: ['request-supplement', 'request-fee', 'start-processing', 'delay', 'mark-result-ready', 'stop'],
  3: [],
  4: ['request-supplement', 'request-fee', 'delay', 'mark-result-ready', 'stop'],
  5: ['start-processing', 'stop'],
  6: ['start-processing', 'mark-result-ready', 'stop'],
  7: [],
  8: [],
  9: ['return-result'],
  10: [],
};

const BODIES: Record<OfficerAction, Json> = {
  accept: {},
  refuse: { reason: 'Không thuộc thẩm quyền.' },
  'request-supplement': { documents: ['Giấy chứng sinh'] },
  'request-fee': { amount: 8000, description: 'Lệ phí' },
  'start-processing': {},
  delay: { newDueDate: '2026-03-10', apology: 'Cần xác minh thêm.' },
  'mark-result-ready': { pickupPlace: 'UBND xã Khao Mang', pickupMethod: 'Nhận trực tiếp' },
  'return-result': {},
  stop: { reason: 'Người yêu cầu không bổ sung.' },
};

/** The officer steps (or the citizen's withdrawal) that bring a new dossier to each status. */
const PATHS: Record<DossierStatus, (OfficerAction | 'withdraw')[]> = {
  1: [],
  2: ['accept'],
  3: ['refuse'],
  4: ['accept', 'start-processing'],
  5: ['accept', 'request-supplement'],
  6: ['accept', 'request-fee'],
  7: ['withdraw'],
  8: ['accept', 'stop'],
  9: ['accept', 'mark-result-ready'],
  10: ['accept', 'mark-result-ready', 'return-result'],
};

describe('the officer console follows the table', () => {
  let sandbox: OfficerSandbox;
  let pushed = 0;

  beforeAll(async () => {
    sandbox = await startOfficerSandbox({ autoAccept: false });
    sandbox.setTime('2026-03-02T09:00:00+07:00'); // Monday; 1.004873 takes 3 working days
  });
  afterAll(() => sandbox.close());

  async function dossierAt(status: DossierStatus): Promise<string> {
    pushed += 1;
    const id = (await json(await sandbox.push(birthRegistration(`rules-${pushed}`, { MaTTHC: '1.004873' })))).Id as string;
    for (const step of PATHS[status]) {
      const response = step === 'withdraw' ? await sandbox.withdraw(id) : await sandbox.act(id, step, BODIES[step]);
      expect([step, response.status]).toEqual([step, 200]);
    }
    expect((await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).TrangThaiHoSo).toBe(status);
    return id;
  }

  it.each(ALL)('status %i: forbidden actions answer 409 FORBIDDEN_TRANSITION and change nothing', async (status) => {
    const id = await dossierAt(status);
    const before = await json(await sandbox.get(`/one-stop/api/dossiers/${id}`));
    const forbidden = (Object.keys(OFFICER_ACTIONS) as OfficerAction[]).filter((action) => !ALLOWED[status].includes(action));
    for (const action of forbidden) {
      const response = await sandbox.act(id, action, BODIES[action]);
      expect([action, response.status]).toEqual([action, 409]);
      expect(await json(response)).toEqual({
        statusCode: 409,
        code: 'FORBIDDEN_TRANSITION',
        message: `Không thể "${OFFICER_ACTIONS[action].label}" hồ sơ đang ở trạng thái "${STATUS_NAMES[status]}".`,
      });
    }
    expect(await json(await sandbox.get(`/one-stop/api/dossiers/${id}`))).toEqual(before);
    // The page offers a form for exactly the allowed actions.
    const page = await sandbox.html(`/officer/dossiers/${id}`);
    const offered = [...page.text.matchAll(/action="\/officer\/dossiers\/[^/"]+\/([a-z-]+)"/g)].map((match) => match[1]);
    expect(offered).toEqual(ALLOWED[status]);
  });

  it.each(ALL.flatMap((status) => ALLOWED[status].map((action) => [status, action] as const)))(
    'status %i: "%s" is allowed and leads where the table says',
    async (status, action) => {
      const id = await dossierAt(status);
      const response = await sandbox.act(id, action, BODIES[action]);
      expect(response.status).toBe(200);
      const to = OFFICER_ACTIONS[action].to;
      expect((await json(response)).TrangThaiHoSo).toBe(to ?? status);
      if (to !== null) expect(NEXT_STATUSES[status]).toContain(to);
    },
  );

  it.each(ALL.filter((status) => status !== 7))('status %i: the citizen may withdraw only before a decision', async (status) => {
    const id = await dossierAt(status);
    const response = await sandbox.withdraw(id, { LyDo: 'Không cần nữa.' });
    if ([1, 2, 4, 5, 6].includes(status)) {
      expect(response.status).toBe(200);
      expect((await json(response)).TrangThaiHoSo).toBe(7);
    } else {
      expect(response.status).toBe(409);
      expect(await json(response)).toMatchObject({ code: 'WITHDRAWAL_NOT_ALLOWED' });
    }
  });
});
