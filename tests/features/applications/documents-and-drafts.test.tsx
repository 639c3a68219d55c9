import { act, fireEvent, screen, within } from '@testing-library/react';
import { deferred, installFakeApi, type FakeApi } from '../../support/fake-api';
import { installIdentityProxy } from '../../support/fake-identity-proxy';
import { endSessionAfterEachTest } from '../../support/session';
import {
  birthApplication,
  fakeCompressor,
  installApplicationProxy,
  photo,
  renderApp,
  storeDraft,
  storedDraft,
  uploadedFile,
} from './support';

endSessionAfterEachTest();

let api: FakeApi;
beforeEach(async () => {
  api = await installFakeApi();
  installIdentityProxy(api);
  installApplicationProxy(api);
});

const DOCUMENTS_STEP = 4;

async function openDocuments(compress = fakeCompressor().compress) {
  storeDraft(birthApplication.code, { step: DOCUMENTS_STEP });
  const view = renderApp('/procedures/1.001193/apply', compress);
  expect(await screen.findByRole('heading', { level: 2, name: 'Giấy tờ đính kèm' })).toBeInTheDocument();
  return view;
}

const certificate = () => screen.getByRole('region', { name: 'Giấy chứng sinh' });
const picker = () => within(certificate()).getByLabelText(/Chọn ảnh hoặc PDF/);
const camera = () => within(certificate()).getByLabelText(/Chụp ảnh/);

describe('document uploads', () => {
  it('offers the camera and the file chooser for photos and PDFs', async () => {
    await openDocuments();
    expect(camera()).toHaveAttribute('type', 'file');
    expect(camera()).toHaveAttribute('capture', 'environment');
    expect(camera()).toHaveAttribute('accept', 'image/*');
    expect(picker()).toHaveAttribute('accept', 'image/*,application/pdf');
    expect(within(certificate()).getByText('Không có thì nộp văn bản của người làm chứng')).toBeInTheDocument();
  });

  it('compresses a photo before upload and shows the upload progress', async () => {
    const compressor = fakeCompressor();
    const reply = deferred();
    api.post('/api/v1/uploads', () => reply.promise);
    const { user } = await openDocuments(compressor.compress);

    await user.upload(camera(), photo('IMG_2041.png', 3_000_000, 'image/png'));
    const progress = await within(certificate()).findByRole('progressbar', { name: 'Tiến độ tải lên IMG_2041.jpg' });
    const [request] = api.requestsTo('/api/v1/uploads');
    act(() => request.reportUploadProgress(150_000, 300_000));
    expect(await within(certificate()).findByText('Đang tải lên 50%')).toBeInTheDocument();
    expect(progress).toHaveAttribute('value', '50');

    reply.release({ status: 201, body: { id: 'upload-9', size: 300_000, contentType: 'image/jpeg' } });
    expect(await within(certificate()).findByText(/Đã tải lên/)).toHaveTextContent('293 KB · Đã tải lên');
    expect(compressor.calls.map((file) => file.name)).toEqual(['IMG_2041.png']);
    const sent = uploadedFile(request);
    expect(sent.name).toBe('IMG_2041.jpg');
    expect(sent.type).toBe('image/jpeg');
    expect(sent.size).toBe(300_000);
    expect(request.headers.authorization).toBe('Bearer session-1');
  });

  it('sends a PDF as it is', async () => {
    const compressor = fakeCompressor();
    const { user } = await openDocuments(compressor.compress);
    await user.upload(picker(), photo('chung-sinh.pdf', 120_000, 'application/pdf'));
    expect(await within(certificate()).findByText('chung-sinh.pdf')).toBeInTheDocument();
    expect(compressor.calls).toEqual([]);
    expect(uploadedFile(api.requestsTo('/api/v1/uploads')[0]).size).toBe(120_000);
  });

  it('lets the citizen retry a failed upload, then remove a file', async () => {
    let attempts = 0;
    api.post('/api/v1/uploads', ({ body }) => {
      attempts += 1;
      if (attempts === 1) return { networkError: true };
      return { status: 201, body: { id: 'upload-2', size: ((body as FormData).get('file') as File).size, contentType: 'application/pdf' } };
    });
    const { user } = await openDocuments();
    await user.upload(picker(), photo('chung-sinh.pdf', 120_000, 'application/pdf'));
    expect(await within(certificate()).findByRole('alert')).toHaveTextContent(
      'Không kết nối được tới máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
    );
    await user.click(within(certificate()).getByRole('button', { name: 'Thử lại chung-sinh.pdf' }));
    expect(await within(certificate()).findByText(/Đã tải lên/)).toBeInTheDocument();
    expect(attempts).toBe(2);
    expect(storedDraft('1.001193')?.files).toEqual([
      expect.objectContaining({ documentCode: 'giay-chung-sinh', uploadId: 'upload-2', name: 'chung-sinh.pdf' }),
    ]);

    await user.click(within(certificate()).getByRole('button', { name: 'Xoá chung-sinh.pdf' }));
    expect(within(certificate()).queryByText('chung-sinh.pdf')).not.toBeInTheDocument();
    expect(storedDraft('1.001193')?.files).toEqual([]);
  });

  it('shows the proxy refusing an executable renamed .jpg, with no retry', async () => {
    api.post('/api/v1/uploads', {
      status: 415,
      body: {
        statusCode: 415,
        code: 'UNSUPPORTED_FILE_TYPE',
        message: 'Tệp này không phải ảnh hoặc PDF. Hãy chụp lại giấy tờ hoặc chọn tệp ảnh, PDF.',
      },
    });
    const { user } = await openDocuments();
    // The name and declared type say JPEG; the bytes are a Windows program ("MZ").
    const program = Uint8Array.from('MZ\x90\x00 This program cannot be run in DOS mode.', (c) => c.charCodeAt(0));
    const renamed = new File([program], 'anh.jpg', { type: 'image/jpeg' });
    await user.upload(picker(), renamed);
    expect(await within(certificate()).findByRole('alert')).toHaveTextContent(
      'Tệp này không phải ảnh hoặc PDF. Hãy chụp lại giấy tờ hoặc chọn tệp ảnh, PDF.',
    );
    expect(within(certificate()).queryByRole('button', { name: /Thử lại/ })).not.toBeInTheDocument();
    expect(storedDraft('1.001193')?.files).toEqual([]);
  });

  it('refuses a file that is neither a photo nor a PDF without sending it', async () => {
    await openDocuments();
    // A phone's chooser can still offer "all files"; the accept attribute is only a hint.
    fireEvent.change(picker(), { target: { files: [new File(['x'], 'to-khai.docx', { type: 'application/msword' })] } });
    expect(await within(certificate()).findByRole('alert')).toHaveTextContent(
      'Chỉ nhận ảnh (JPG, PNG, WebP, HEIC) hoặc tệp PDF. Hãy chọn tệp khác.',
    );
    expect(api.requestsTo('/api/v1/uploads')).toHaveLength(0);
  });

  it('will not go on while a required document is missing or an upload is unfinished', async () => {
    const reply = deferred();
    api.post('/api/v1/uploads', () => reply.promise);
    const { user } = await openDocuments();
    await user.upload(picker(), photo('chung-sinh.pdf', 1000, 'application/pdf'));
    await within(certificate()).findByRole('progressbar');
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.getByText('Hãy chờ các tệp tải lên xong, hoặc xoá tệp bị lỗi.', { selector: '[role=alert]' })).toBeInTheDocument();

    reply.release({ status: 201, body: { id: 'upload-1', size: 1000, contentType: 'application/pdf' } });
    await within(certificate()).findByText(/Đã tải lên/);
    await user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    expect(screen.getByRole('region', { name: 'Tờ khai đăng ký khai sinh (theo mẫu)' })).toHaveAccessibleDescription(
      'Hãy đính kèm ảnh hoặc tệp PDF của giấy tờ này',
    );
    expect(screen.getByRole('heading', { level: 2, name: 'Giấy tờ đính kèm' })).toBeInTheDocument();
  });
});

describe('drafts', () => {
  it('keep typed answers and uploaded documents when the page is closed and opened again', async () => {
    const first = renderApp('/procedures/1.001193/apply?office=04465');
    await first.user.click(await screen.findByRole('button', { name: 'Tiếp tục' }));
    await first.user.type(await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ }), 'Lò Văn Sáng');
    await first.user.type(screen.getByRole('textbox', { name: /Số điện thoại di động của bạn/ }), '0912345678');
    await first.user.type(screen.getByRole('textbox', { name: /Số CCCD của bạn/ }), '010090001234');
    await first.user.click(screen.getByRole('button', { name: 'Tiếp tục' }));
    await first.user.type(await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của trẻ/ }), 'Lò Thị');
    // Jump to the documents (as if answered) and upload one.
    first.unmount();
    storeDraft('1.001193', { ...storedDraft('1.001193')!, step: DOCUMENTS_STEP });
    const second = renderApp('/procedures/1.001193/apply');
    await screen.findByRole('heading', { level: 2, name: 'Giấy tờ đính kèm' });
    await second.user.upload(picker(), photo('chung-sinh.pdf', 5000, 'application/pdf'));
    await within(certificate()).findByText(/Đã tải lên/);
    second.unmount();

    // Closing Zalo: a new app with nothing in memory, only what the phone stored.
    const third = renderApp('/procedures/1.001193/apply');
    expect(await screen.findByRole('heading', { level: 2, name: 'Tiếp tục hồ sơ đang làm dở' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Giấy tờ đính kèm' })).toBeInTheDocument();
    expect(within(certificate()).getByText('chung-sinh.pdf')).toBeInTheDocument();
    await third.user.click(screen.getByRole('button', { name: 'Tiếp tục điền' }));
    expect(screen.queryByText('Tiếp tục hồ sơ đang làm dở')).not.toBeInTheDocument();

    // Back through the steps: everything typed before the page was closed is there.
    await third.user.click(screen.getByRole('button', { name: 'Bước trước' }));
    await third.user.click(screen.getByRole('button', { name: 'Bước trước' }));
    expect(await screen.findByRole('textbox', { name: /Họ, chữ đệm và tên của trẻ/ })).toHaveValue('Lò Thị');
    await third.user.click(screen.getByRole('button', { name: 'Bước trước' }));
    expect(screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ })).toHaveValue('Lò Văn Sáng');
    expect(screen.getByRole('textbox', { name: /Số CCCD của bạn/ })).toHaveValue('010090001234');
    await third.user.click(screen.getByRole('button', { name: 'Bước trước' }));
    expect(screen.getByText('Xã Khao Mang')).toBeInTheDocument();
  });

  it('start again from scratch with "Làm lại từ đầu"', async () => {
    storeDraft('1.001193', {
      step: 1,
      answers: { applicant_full_name: 'Lò Văn Sáng' },
      files: [{ localId: 'l1', documentCode: 'to-khai', uploadId: 'u1', name: 'to-khai.jpg', size: 1, contentType: 'image/jpeg' }],
      updatedAt: '2026-11-22T01:00:00.000Z',
    });
    const { user } = renderApp('/procedures/1.001193/apply');
    expect(await screen.findByRole('heading', { level: 2, name: 'Tiếp tục hồ sơ đang làm dở' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Họ, chữ đệm và tên của bạn/ })).toHaveValue('Lò Văn Sáng');
    await user.click(screen.getByRole('button', { name: 'Làm lại từ đầu' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Nơi nộp hồ sơ' })).toBeInTheDocument();
    expect(screen.queryByText('Tiếp tục hồ sơ đang làm dở')).not.toBeInTheDocument();
    expect(storedDraft('1.001193')).toBeNull();
  });
});
