import type { Procedure, ProcedureSummary } from '@/types/procedure';
import type { Office, OfficeSummary } from '@/features/offices/types';
import type { Paged } from '@/lib/api-client';

export function paged<T>(items: T[], total = items.length): Paged<T> {
  return { items, total, page: 1, pageSize: 20 };
}

export function summaryOf(procedure: Procedure): ProcedureSummary {
  const { code, name, field, level, agency, onlineLevel, processingTime, unconfirmed } = procedure;
  return { code, name, field, level, agency, onlineLevel, processingTime, unconfirmed };
}

export const birthRegistration: Procedure = {
  code: '1.001193',
  localCode: '1.001193.000.00.00.H38',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  agency: 'Ủy ban nhân dân xã, phường',
  onlineLevel: 'full',
  description: 'Cha, mẹ hoặc người thân đăng ký khai sinh cho trẻ để được cấp Giấy khai sinh.',
  processingTime: { text: 'Ngay trong ngày làm việc; sau 15 giờ thì trả trong ngày làm việc tiếp theo', workingDays: 0 },
  fees: [{ description: 'Miễn lệ phí khi đăng ký đúng hạn', amount: 0 }],
  documents: [
    {
      code: 'to-khai',
      name: 'Tờ khai đăng ký khai sinh (theo mẫu)',
      copies: 1,
      form: 'original',
      required: true,
      note: null,
    },
    {
      code: 'giay-chung-sinh',
      name: 'Giấy chứng sinh',
      copies: 1,
      form: 'certified-copy',
      required: true,
      note: 'Không có thì nộp văn bản của người làm chứng',
    },
  ],
  requirements: ['Đăng ký trong 60 ngày kể từ ngày sinh'],
  result: 'Giấy khai sinh (bản chính)',
  legalBasis: ['Luật Hộ tịch số 60/2014/QH13'],
  fields: [],
  unconfirmed: ['processingTime'],
  source: 'Test fixture',
  active: true,
};

export const permanentResidence: Procedure = {
  code: '1.004222',
  localCode: null,
  name: 'Đăng ký thường trú',
  field: 'Đăng ký, quản lý cư trú',
  level: 'commune',
  agency: 'Công an xã, phường',
  onlineLevel: 'partial',
  description: 'Đăng ký nơi thường trú mới.',
  processingTime: { text: '7 ngày làm việc', workingDays: 7 },
  fees: [
    { description: 'Nộp trực tiếp', amount: 20000 },
    { description: 'Nộp trực tuyến', amount: 10000 },
  ],
  documents: [
    {
      code: 'to-khai-cu-tru',
      name: 'Tờ khai thay đổi thông tin cư trú',
      copies: 2,
      form: 'copy',
      required: false,
      note: null,
    },
  ],
  requirements: [],
  result: 'Thông tin thường trú được cập nhật',
  legalBasis: ['Luật Cư trú số 68/2020/QH14'],
  fields: [],
  unconfirmed: ['fees'],
  source: 'Test fixture',
  active: true,
};

export const marriageRegistration: ProcedureSummary = {
  code: '1.000894',
  name: 'Đăng ký kết hôn',
  field: 'Hộ tịch',
  level: 'commune',
  agency: 'Ủy ban nhân dân xã, phường',
  onlineLevel: 'partial',
  processingTime: { text: 'Ngay trong ngày', workingDays: 0 },
  unconfirmed: [],
};

export const birthWithParentage: ProcedureSummary = {
  code: '1.000689',
  name: 'Đăng ký khai sinh kết hợp nhận cha, mẹ, con',
  field: 'Hộ tịch',
  level: 'commune',
  agency: 'Ủy ban nhân dân xã, phường',
  onlineLevel: 'partial',
  processingTime: { text: '3 ngày làm việc', workingDays: 3 },
  unconfirmed: ['processingTime'],
};

export const popularProcedures: ProcedureSummary[] = [
  marriageRegistration,
  summaryOf(birthRegistration),
  summaryOf(permanentResidence),
];

export const khaoMang: Office = {
  code: '04465',
  name: 'UBND xã Khao Mang',
  unitName: 'Xã Khao Mang',
  type: 'xa',
  address: 'Trụ sở UBND xã Khao Mang, tỉnh Lào Cai',
  phone: '0214 3 123 456',
  openingHours: 'Thứ Hai – Thứ Sáu: 7:30–11:30, 13:30–17:00',
  unconfirmed: ['address', 'phone'],
  formerUnits: ['xã Hồ Bốn', 'xã Khao Mang'],
  procedures: [summaryOf(birthRegistration), marriageRegistration],
  active: true,
};

export const provincialCentre: OfficeSummary = {
  code: 'H38',
  name: 'Trung tâm Phục vụ hành chính công tỉnh Lào Cai',
  unitName: 'Tỉnh Lào Cai',
  type: 'province',
  address: 'Đại lộ Trần Hưng Đạo, phường Cam Đường, tỉnh Lào Cai',
  phone: null,
  openingHours: 'Thứ Hai – Thứ Sáu: sáng 7:30–11:30, chiều 13:30–17:00',
  unconfirmed: [],
};

export function officeSummaryOf(office: Office): OfficeSummary {
  const { formerUnits: _formerUnits, procedures: _procedures, ...summary } = office;
  return summary;
}
