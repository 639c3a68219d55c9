import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '@/app';
import type { Office } from '@/features/offices/types';
import type { FakeApi } from '../../support/fake-api';
import { khaoMang, paged, popularProcedures, summaryOf as procedureSummaryOf, permanentResidence } from '../../support/catalog-fixtures';
import { installApplicationProxy } from '../applications/support';

/** A ward whose phone number nobody has confirmed: the proxy answers null. */
export const camDuong: Office = {
  code: '02716',
  name: 'UBND phường Cam Đường',
  unitName: 'Phường Cam Đường',
  type: 'phuong',
  address: null,
  phone: null,
  openingHours: 'Thứ Hai – Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00',
  unconfirmed: ['openingHours'],
  formerUnits: ['phường Cam Đường', 'xã Hợp Thành'],
  // The proxy lists them most used first (popularRank).
  procedures: [procedureSummaryOf(permanentResidence), ...khaoMang.procedures],
  active: true,
};

/** The catalogue (procedures, offices with their procedures) and the application endpoints, on the fake proxy. */
export function installEntryProxy(api: FakeApi): void {
  installApplicationProxy(api);
  const offices = [khaoMang, camDuong];
  api.get('/api/v1/procedures', ({ params }) => {
    const q = String(params.q ?? '').toLowerCase();
    return { status: 200, body: paged(popularProcedures.filter(({ name }) => name.toLowerCase().includes(q))) };
  });
  api.get('/api/v1/offices/:code', ({ pathParams }) => {
    const office = offices.find((entry) => entry.code === pathParams.code);
    return office
      ? { status: 200, body: office }
      : { status: 404, body: { statusCode: 404, code: 'OFFICE_NOT_FOUND', message: 'Không tìm thấy cơ quan.' } };
  });
}

/** The whole app as Zalo starts it (ZMPRouter, every provider), on the home page unless a link opened it. */
export function renderWholeApp() {
  const user = userEvent.setup();
  const view = render(<App />);
  return { user, ...view };
}
