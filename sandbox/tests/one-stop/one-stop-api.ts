// Calls the simulated one-stop system exactly as the proxy's client will: multipart pushes with a bearer token.
import type { OneStopOptions } from '../../src/config';
import { type Json, type RunningSandbox, json, postJson, startTestSandbox } from '../support/sandbox-server';

export const ONE_STOP_TOKEN = 'test-one-stop-token';

export interface Attachment {
  part: string;
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface OneStopSandbox extends RunningSandbox {
  /** Moves the hand-driven clock to an instant, e.g. '2026-03-06T15:00:01+07:00'. */
  setTime(iso: string): void;
  push(hoSo: Json, attachments?: Attachment[], headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  receivedCount(): Promise<number>;
}

export async function startOneStopSandbox(oneStop: Partial<OneStopOptions> = {}): Promise<OneStopSandbox> {
  const sandbox = await startTestSandbox({ oneStop: { apiToken: ONE_STOP_TOKEN, ...oneStop } });
  const auth = { authorization: `Bearer ${ONE_STOP_TOKEN}` };
  const control = (method: string, path: string, body?: unknown) =>
    method === 'POST' || method === 'PUT'
      ? fetch(`${sandbox.baseUrl}/sandbox/control/one-stop${path}`, {
          method,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        })
      : fetch(`${sandbox.baseUrl}/sandbox/control/one-stop${path}`, { method });
  return {
    ...sandbox,
    setTime(iso) {
      sandbox.clock.advance(Date.parse(iso) - sandbox.clock.now());
    },
    push(hoSo, attachments = [], headers = auth) {
      return fetch(`${sandbox.baseUrl}/one-stop/api/dossiers`, {
        method: 'POST',
        headers,
        body: pushForm(hoSo, attachments),
      });
    },
    get(path, headers = auth) {
      return fetch(`${sandbox.baseUrl}${path}`, { headers });
    },
    control,
    async receivedCount() {
      return (await json(await control('GET', '/dossiers'))).count as number;
    },
  };
}

export function pushForm(hoSo: Json, attachments: Attachment[]): FormData {
  const form = new FormData();
  form.append('HoSo', JSON.stringify(hoSo));
  for (const attachment of attachments) {
    form.append(attachment.part, new Blob([attachment.bytes], { type: attachment.contentType }), attachment.fileName);
  }
  return form;
}

/** A birth registration (1.001193, same day) at Khao Mang (04465), as the proxy forwards it. */
export function birthRegistration(applicationId: string, overrides: Json = {}): Json {
  return {
    MaHoSoLienThong: applicationId,
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaDonVi: '04465',
    ChuHoSo: 'Giàng Thị Mỷ',
    SoDienThoai: '0912000101',
    SoGiayToChuHoSo: '010190001234',
    TrichYeuHoSo: 'Đăng ký khai sinh cho Giàng A Pó',
    DuLieuBieuMau: { child_full_name: 'Giàng A Pó', child_sex: 'nam', child_birth_date: '2026-02-20' },
    TaiLieuNop: [],
    ...overrides,
  };
}

/** Deterministic pseudo-random bytes with a JPEG header: stands in for a phone photo. */
export function photoBytes(size: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let state = seed;
  for (let index = 0; index < size; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

export function photo(part: string, fileName: string, size = 2048, seed = 1): Attachment {
  return { part, fileName, contentType: 'image/jpeg', bytes: photoBytes(size, seed) };
}

export { json, postJson };
