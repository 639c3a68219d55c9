import { act, screen, within } from '@testing-library/react';
import { installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import type { ApplicationReceipt } from '@/features/applications/types';
import { fakeCompressor, forwardingApplication, receivedApplication, renderApp } from './support';

// Zalo's share sheet is part of zmp-sdk, replaced under jest by tests/support/zmp-sdk-mock.ts, which has no share
// sheet: here it gains one that records what the app asked Zalo to share, as the citizen would see it in the sheet.
const sharedWithZalo: unknown[] = [];
jest.mock('zmp-sdk', () => ({
  ...jest.requireActual<object>('zmp-sdk'),
  openShareSheet: async (args: unknown) => {
    sharedWithZalo.push(args);
    return { status: 2, shareType: 2, numberOfUser: 1 };
  },
}));

endSessionAfterEachTest();

let api: FakeApi;
// Each test its own application: recoil keeps what a selector read across renders, as the app does across visits.
let applicationId = 'app-0';
let testNumber = 0;
beforeEach(async () => {
  testNumber += 1;
  applicationId = `app-${testNumber}`;
  jest.useFakeTimers();
  sharedWithZalo.length = 0;
  api = await installFakeApi();
  installIdentityProxy(api);
});

afterEach(() => {
  jest.useRealTimers();
});

/** The proxy answers GET /api/v1/applications/:id with `answers[n]` for its n-th request, the last one after that. */
function answerInTurn(answers: ApplicationReceipt[]) {
  api.get('/api/v1/applications/:id', ({ pathParams }) => {
    if (pathParams.id !== applicationId) {
      return { status: 404, body: { statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: 'Không tìm thấy hồ sơ này.' } };
    }
    const index = Math.min(polls().length - 1, answers.length - 1);
    return { status: 200, body: { ...answers[index], id: applicationId } };
  });
}

const polls = () => api.requestsTo(`/api/v1/applications/${applicationId}`);

async function passTime(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

function openReceipt(path = `/applications/${applicationId}`) {
  return renderApp(path, fakeCompressor().compress, { advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
}

describe('receipt page', () => {
  it('shows the reference while forwarding, then the receipt code, due date and QR code after a later poll', async () => {
    answerInTurn([forwardingApplication(), forwardingApplication(), receivedApplication()]);
    openReceipt();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Đã gửi — đang chuyển tới Bộ phận một cửa' }),
    ).toBeInTheDocument();
    const reference = screen.getByRole('region', { name: 'Mã tham chiếu' });
    expect(reference).toHaveTextContent('K7QH2M9X');
    // Read aloud in two groups of four.
    expect(within(reference).getAllByText(/^[A-Z0-9]{4}$/).map((group) => group.textContent)).toEqual(['K7QH', '2M9X']);
    expect(screen.getByText('Đăng ký khai sinh')).toBeInTheDocument();
    expect(screen.getByText('Nơi nộp').nextElementSibling).toHaveTextContent('UBND xã Khao Mang');
    expect(screen.getByText('Thời gian gửi').nextElementSibling).toHaveTextContent('09:30 22/11/2026');
    expect(screen.queryByText('Mã hồ sơ')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Làm mới' })).toBeInTheDocument();
    expect(polls()).toHaveLength(1);
    expect(polls()[0].headers.authorization).toBe('Bearer session-1');

    // The next poll still finds it on its way; the one after brings the receipt code.
    await passTime(2_000);
    expect(polls()).toHaveLength(2);
    expect(screen.queryByText('Mã hồ sơ')).not.toBeInTheDocument();
    await passTime(3_000);
    expect(polls()).toHaveLength(3);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bộ phận một cửa đã nhận hồ sơ' }),
    ).toBeInTheDocument();
    const official = screen.getByRole('region', { name: 'Mã hồ sơ' });
    expect(official).toHaveTextContent('04465-261122-0007');
    expect(within(official).getByText('Ngày hẹn trả kết quả').nextElementSibling).toHaveTextContent(
      'Thứ Hai, 30/11/2026',
    );
    const qr = await within(official).findByRole('img', { name: 'Mã QR của mã hồ sơ 04465-261122-0007' });
    expect(qr.querySelector('svg path')).not.toBeNull();
    expect(screen.getByText(/Cán bộ sẽ xem xét hồ sơ. Nếu cần bổ sung giấy tờ, bạn sẽ nhận thông báo/)).toBeInTheDocument();
    expect(screen.getByText('Trạng thái').nextElementSibling).toHaveTextContent('Mới đăng ký');
    expect(screen.queryByRole('button', { name: 'Làm mới' })).not.toBeInTheDocument();

    // Nothing left to wait for: no more requests.
    await passTime(5 * 60_000);
    expect(polls()).toHaveLength(3);
  });

  it('polls less and less often, pauses while the page is hidden, and stops after a while until "Làm mới"', async () => {
    answerInTurn([forwardingApplication()]);
    const { user } = openReceipt();
    await screen.findByRole('heading', { level: 1, name: 'Đã gửi — đang chuyển tới Bộ phận một cửa' });

    // Backoff: 2 s, then 3 s, then 4.5 s.
    await passTime(1_999);
    expect(polls()).toHaveLength(1);
    await passTime(1);
    expect(polls()).toHaveLength(2);
    await passTime(3_000);
    expect(polls()).toHaveLength(3);
    await passTime(4_500);
    expect(polls()).toHaveLength(4);

    // Hidden (Zalo in the background, screen off): no requests at all.
    const hidden = jest.spyOn(document, 'hidden', 'get').mockReturnValue(true);
    document.dispatchEvent(new Event('visibilitychange'));
    await passTime(60_000);
    expect(polls()).toHaveLength(4);
    // Back: it looks at once.
    hidden.mockReturnValue(false);
    await act(async () => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect(polls()).toHaveLength(5);

    // After three minutes it stops and says so.
    await passTime(3 * 60_000);
    expect(screen.getByText(/Bộ phận một cửa chưa trả lời/)).toBeInTheDocument();
    const stoppedAt = polls().length;
    await passTime(10 * 60_000);
    expect(polls()).toHaveLength(stoppedAt);

    // "Làm mới" asks again, and this time the desk has it.
    answerInTurn([receivedApplication()]);
    await user.click(screen.getByRole('button', { name: 'Làm mới' }));
    expect(await screen.findByRole('region', { name: 'Mã hồ sơ' })).toHaveTextContent('04465-261122-0007');
    expect(polls()).toHaveLength(stoppedAt + 1);
    hidden.mockRestore();
  });

  it('shares the reference, receipt code, due date and procedure name through Zalo', async () => {
    answerInTurn([receivedApplication()]);
    const { user } = openReceipt();
    await screen.findByRole('region', { name: 'Mã hồ sơ' });

    await user.click(screen.getByRole('button', { name: 'Chia sẻ' }));
    expect(sharedWithZalo).toEqual([
      {
        type: 'text',
        data: {
          text:
            'Hồ sơ “Đăng ký khai sinh” — mã tham chiếu K7QH2M9X, mã hồ sơ 04465-261122-0007, ' +
            'ngày hẹn trả kết quả Thứ Hai, 30/11/2026.',
          description: 'Hồ sơ đã nộp trên Lào Cai số',
          autoParseLink: true,
        },
      },
    ]);
  });

  it('shares the reference while the one-stop system has not answered yet', async () => {
    answerInTurn([forwardingApplication()]);
    const { user } = openReceipt();
    await screen.findByRole('heading', { level: 1, name: 'Đã gửi — đang chuyển tới Bộ phận một cửa' });

    await user.click(screen.getByRole('button', { name: 'Chia sẻ' }));
    expect(sharedWithZalo).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          text: 'Hồ sơ “Đăng ký khai sinh” — mã tham chiếu K7QH2M9X, đang chuyển tới Bộ phận một cửa.',
        }),
      }),
    ]);
  });

  it('says plainly when forwarding failed for good, and whom to contact', async () => {
    answerInTurn([
      forwardingApplication({
        status: 'forwarding-failed',
        statusName: 'Bộ phận một cửa chưa nhận được hồ sơ — chúng tôi sẽ liên hệ với bạn',
      }),
    ]);
    openReceipt();

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Bộ phận một cửa chưa nhận được hồ sơ' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'Hồ sơ của bạn đã được lưu nhưng chưa chuyển được tới UBND xã Khao Mang. Hãy liên hệ UBND xã Khao Mang ' +
          'và đọc mã tham chiếu ở trên để được hướng dẫn nộp lại.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Mã tham chiếu' })).toHaveTextContent('K7QH2M9X');
    expect(screen.queryByText('Mã hồ sơ')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Làm mới' })).not.toBeInTheDocument();
    await passTime(60_000);
    expect(polls()).toHaveLength(1);
  });

  it('says so when the application is not the citizen\'s or does not exist', async () => {
    answerInTurn([forwardingApplication()]);
    openReceipt('/applications/someone-else');
    expect(await screen.findByRole('heading', { level: 1, name: 'Không tìm thấy hồ sơ' })).toBeInTheDocument();
    expect(api.requestsTo('/api/v1/applications/someone-else')).toHaveLength(1);
  });
});
