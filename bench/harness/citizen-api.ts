// What a citizen's app does against the proxy, over real HTTP: upload a photo, submit an application with an
// Idempotency-Key, read it back. The procedure is 2.000815 (certified copy of an original document, one required
// photo) at commune office 04465, from the seeded catalogue (data/).
import { randomBytes } from 'node:crypto';

export const PROCEDURE_CODE = '2.000815';
export const OFFICE_CODE = '04465';
export const PHOTO_DOCUMENT = 'ban-chinh';

/**
 * A ~300 KB phone photo: JPEG magic bytes (the proxy checks types by bytes) followed by incompressible data, as a
 * compressed camera image is. Each call differs from the others in its bytes.
 */
export function phonePhoto(bytes = 300 * 1024): Buffer {
  const photo = randomBytes(bytes);
  photo.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00], 0);
  photo.set([0xff, 0xd9], bytes - 2);
  return photo;
}

export function applicationBody(uploadId: string, index: number) {
  return {
    procedureCode: PROCEDURE_CODE,
    officeCode: OFFICE_CODE,
    fields: {
      applicant_full_name: 'Giàng Thị Mỷ',
      applicant_phone: '0912000101',
      applicant_citizen_id: '010190001234',
      document_name: `Giấy khai sinh bản chính số ${index}`,
      document_language: 'tieng_viet',
      page_count: 1,
      copies: 2,
    },
    attachments: [{ documentCode: PHOTO_DOCUMENT, uploadId }],
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export async function uploadPhoto(apiUrl: string, token: string, photo: Buffer, name = 'anh-ban-chinh.jpg'): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([photo], { type: 'image/jpeg' }), name);
  const res = await fetch(`${apiUrl}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const text = await res.text();
  if (res.status !== 201) throw new HttpError(res.status, text, 'POST /api/v1/uploads');
  return (JSON.parse(text) as { id: string }).id;
}

export async function submitApplication(
  apiUrl: string,
  token: string,
  body: unknown,
  idempotencyKey: string,
): Promise<{ status: number; id: string; replayed: boolean }> {
  const res = await fetch(`${apiUrl}/api/v1/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 201 && res.status !== 200) throw new HttpError(res.status, text, 'POST /api/v1/applications');
  return { status: res.status, id: (JSON.parse(text) as { id: string }).id, replayed: res.headers.get('idempotent-replayed') === 'true' };
}

export async function getApplication(apiUrl: string, token: string, id: string): Promise<Record<string, any>> {
  const res = await fetch(`${apiUrl}/api/v1/applications/${id}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (res.status !== 200) throw new HttpError(res.status, text, `GET /api/v1/applications/${id}`);
  return JSON.parse(text) as Record<string, any>;
}
