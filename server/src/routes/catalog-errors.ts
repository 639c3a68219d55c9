import { NotFoundError } from '../errors';

export const officeNotFound = () =>
  new NotFoundError('OFFICE_NOT_FOUND', 'Không tìm thấy cơ quan này. Hãy chọn lại xã, phường trong danh sách.');

export const procedureNotFound = () =>
  new NotFoundError('PROCEDURE_NOT_FOUND', 'Không tìm thấy thủ tục này. Hãy tìm lại theo tên thủ tục.');
