import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { AppProviders } from '@/app';
import { AppRoutes } from '@/router';
import { ImageCompressorContext } from '@/features/applications/state/use-document-uploads';
import type { ImageCompressor } from '@/features/applications/image-compression';
import type {
  ApplicationDraft,
  ApplicationProcedure,
  ApplicationReceipt,
  OfficeChoice,
} from '@/features/applications/types';
import type { FakeApi, FakeReply, RecordedRequest } from '../../support/fake-api';
import { birthRegistration } from '../../support/catalog-fixtures';
import { zmpSdkMock } from '../../support/zmp-sdk-mock';

/** Stands in for browser-image-compression, which needs a canvas jsdom does not have: "compresses" to 1/10. */
export function fakeCompressor() {
  const calls: File[] = [];
  const compress: ImageCompressor = async (file) => {
    calls.push(file);
    return new Blob([new Uint8Array(Math.max(1, Math.floor(file.size / 10)))], { type: 'image/jpeg' });
  };
  return { compress, calls };
}

/** The real pages and providers at `path`, with the image compressor given (see ImageCompressorContext). */
export function renderApp(
  path: string,
  compress: ImageCompressor = fakeCompressor().compress,
  userOptions: Parameters<typeof userEvent.setup>[0] = {},
) {
  const user = userEvent.setup(userOptions);
  const view = render(
    <AppProviders>
      <ImageCompressorContext.Provider value={compress}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
        </MemoryRouter>
      </ImageCompressorContext.Provider>
    </AppProviders>,
  );
  return { user, ...view };
}

export const khaoMang: OfficeChoice = { code: '04465', name: 'UBND xã Khao Mang', unitName: 'Xã Khao Mang', type: 'xa' };
export const banXeo: OfficeChoice = { code: '02647', name: 'UBND xã Bản Xèo', unitName: 'Xã Bản Xèo', type: 'xa' };
const provincialCentre: OfficeChoice = {
  code: 'H38',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
  unitName: 'Tỉnh Lào Cai',
  type: 'province',
};
/** Former communes merged into each office in 2025 (what the proxy's search also matches). */
const formerUnits: Record<string, string[]> = { '04465': ['xã Hồ Bốn', 'xã Khao Mang'], '02647': ['xã Bản Xèo'] };

/** Birth registration as the catalogue has it, trimmed to a few fields of several types and its documents. */
export const birthApplication: ApplicationProcedure = {
  code: birthRegistration.code,
  name: birthRegistration.name,
  level: 'commune',
  onlineLevel: 'full',
  documents: [
    { code: 'to-khai', name: 'Tờ khai đăng ký khai sinh (theo mẫu)', required: true, note: null },
    { code: 'giay-chung-sinh', name: 'Giấy chứng sinh', required: true, note: 'Không có thì nộp văn bản của người làm chứng' },
    { code: 'uy-quyen', name: 'Văn bản ủy quyền', required: false, note: null },
  ],
  fields: [
    { code: 'child_full_name', type: 'text', label: 'Họ, chữ đệm và tên của trẻ', required: true, order: 1, maxLength: 100 },
    { code: 'child_birth_date', type: 'date', label: 'Ngày, tháng, năm sinh', required: true, order: 2, maxDate: 'today' },
    {
      code: 'child_sex',
      type: 'single-choice',
      label: 'Giới tính',
      required: true,
      order: 3,
      options: [
        { value: 'nam', label: 'Nam' },
        { value: 'nu', label: 'Nữ' },
      ],
    },
    { code: 'mother_citizen_id', type: 'citizen-id', label: 'Số CCCD của người mẹ', required: false, order: 4 },
    { code: 'residence_commune', type: 'commune', label: 'Xã, phường nơi cư trú', required: true, order: 5 },
  ],
};

/** The catalogue, offices and the application endpoints of the proxy, on the HTTP-level fake. */
export function installApplicationProxy(api: FakeApi, procedures: ApplicationProcedure[] = [birthApplication]) {
  const offices = [khaoMang, banXeo, provincialCentre];
  api.get('/api/v1/procedures/:code', ({ pathParams }) => {
    const procedure = procedures.find((entry) => entry.code === pathParams.code);
    return procedure
      ? { status: 200, body: { ...birthRegistration, ...procedure } }
      : { status: 404, body: { statusCode: 404, code: 'PROCEDURE_NOT_FOUND', message: 'Không tìm thấy thủ tục.' } };
  });
  api.get('/api/v1/offices', ({ params }) => {
    const q = String(params.q ?? '').toLowerCase();
    const items = offices.filter(
      (office) =>
        office.unitName.toLowerCase().includes(q) ||
        (formerUnits[office.code] ?? []).some((unit) => unit.toLowerCase().includes(q)),
    );
    return { status: 200, body: { items, total: items.length, page: 1, pageSize: 8 } };
  });
  api.get('/api/v1/offices/:code', ({ pathParams }) => {
    const office = offices.find((entry) => entry.code === pathParams.code);
    return office
      ? { status: 200, body: { ...office, address: null, phone: null, openingHours: null, unconfirmed: [] } }
      : { status: 404, body: { statusCode: 404, code: 'OFFICE_NOT_FOUND', message: 'Không tìm thấy cơ quan.' } };
  });
  let uploads = 0;
  api.post('/api/v1/uploads', ({ body }) => {
    uploads += 1;
    const file = (body as FormData).get('file') as File;
    return { status: 201, body: { id: `upload-${uploads}`, size: file.size, contentType: file.type } };
  });
  api.post('/api/v1/applications', () => ({ status: 201, body: forwardingApplication() }));
  api.get('/api/v1/applications/:id', ({ pathParams }) =>
    pathParams.id === 'app-1'
      ? { status: 200, body: forwardingApplication() }
      : { status: 404, body: { statusCode: 404, code: 'APPLICATION_NOT_FOUND', message: 'Không tìm thấy hồ sơ này.' } },
  );
}

/** An application as the proxy answers it (POST and GET), still on its way to the one-stop system. */
export function forwardingApplication(overrides: Partial<ApplicationReceipt> = {}): ApplicationReceipt {
  return {
    id: 'app-1',
    reference: 'K7QH2M9X',
    procedure: { code: birthApplication.code, name: birthApplication.name },
    office: { code: khaoMang.code, name: khaoMang.name },
    status: 'forwarding',
    statusCode: null,
    statusName: 'Đã gửi — đang chuyển tới Bộ phận một cửa',
    receiptCode: null,
    dueAt: null,
    createdAt: '2026-11-22T02:30:00.000Z',
    forwardedAt: null,
    overdue: false,
    needsAction: false,
    ...overrides,
  };
}

/** The same application once the one-stop system has received it: receipt code (MaHoSo) and due date (NgayHenTra). */
export function receivedApplication(overrides: Partial<ApplicationReceipt> = {}): ApplicationReceipt {
  return forwardingApplication({
    status: 'submitted',
    statusCode: 1,
    statusName: 'Mới đăng ký',
    receiptCode: '04465-261122-0007',
    // 08:00 on Monday 30 November 2026, Vietnam time.
    dueAt: '2026-11-30T01:00:00.000Z',
    forwardedAt: '2026-11-22T02:30:04.000Z',
    ...overrides,
  });
}

/** The uploaded file of a recorded POST /api/v1/uploads. */
export function uploadedFile(request: RecordedRequest): File {
  return (request.body as FormData).get('file') as File;
}

export function photo(name = 'giay-chung-sinh.jpg', bytes = 40_000, type = 'image/jpeg'): File {
  return new File([new Uint8Array(bytes)], name, { type });
}

/** A draft as the app stores it (nativeStorage), to open the form at a given step. */
export function storeDraft(procedureCode: string, draft: Partial<ApplicationDraft>): void {
  const full: ApplicationDraft = {
    version: 1,
    procedureCode,
    office: khaoMang,
    answers: {},
    communeNames: {},
    files: [],
    step: 0,
    submission: null,
    updatedAt: null,
    ...draft,
  };
  zmpSdkMock.storage.set(`lao-cai-so:application-draft:${procedureCode}`, JSON.stringify(full));
}

export function storedDraft(procedureCode: string): ApplicationDraft | null {
  const stored = zmpSdkMock.storage.get(`lao-cai-so:application-draft:${procedureCode}`);
  return stored ? (JSON.parse(stored) as ApplicationDraft) : null;
}

export type { FakeReply };

/** Everything typed and uploaded, at the "check your answers" step (from a stored draft). */
export function storeCompleteDraft() {
  storeDraft(birthApplication.code, {
    step: 5,
    answers: {
      applicant_full_name: 'Lò Văn Sáng',
      applicant_phone: '0912 345 678',
      applicant_citizen_id: '010090001234',
      child_full_name: 'Lò Thị Mai',
      child_birth_date: '2026-01-05',
      child_sex: 'nu',
      mother_citizen_id: '',
      residence_commune: '04465',
    },
    communeNames: { '04465': 'Xã Khao Mang' },
    files: [
      { localId: 'l1', documentCode: 'to-khai', uploadId: 'upload-a', name: 'to-khai.jpg', size: 48_000, contentType: 'image/jpeg' },
      { localId: 'l2', documentCode: 'giay-chung-sinh', uploadId: 'upload-b', name: 'chung-sinh.pdf', size: 210_000, contentType: 'application/pdf' },
    ],
    updatedAt: '2026-11-22T01:00:00.000Z',
  });
}
