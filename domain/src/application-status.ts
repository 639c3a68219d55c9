// What the app shows of an application: one stable English state name for programs, derived from the proxy's
// forwarding state and the national 1–10 dossier status (TrangThaiHoSo), plus its Vietnamese name (dossier-status.ts). Pure.
import { DOSSIER_STATUS_NAMES, type DossierStatus } from './dossier-status';

export type ForwardingState = 'pending' | 'forwarded' | 'failed';

const STATES_BY_CODE: Record<number, string> = {
  1: 'submitted',
  2: 'accepted',
  3: 'refused',
  4: 'processing',
  5: 'supplement-required',
  6: 'payment-required',
  7: 'withdrawn',
  8: 'stopped',
  9: 'ready',
  10: 'returned',
};

export const APPLICATION_STATES = ['forwarding', 'forwarding-failed', ...Object.values(STATES_BY_CODE)] as const;

export interface ApplicationStatusView {
  /** `forwarding` until the one-stop system has the dossier, `forwarding-failed` when it refused it, then by code. */
  status: string;
  /** The national code, null while forwarding. */
  statusCode: number | null;
  statusName: string;
}

export function applicationStatus(forwarding: ForwardingState, code: number | null): ApplicationStatusView {
  if (forwarding === 'pending' || (forwarding === 'forwarded' && code === null)) {
    return { status: 'forwarding', statusCode: null, statusName: 'Đã gửi — đang chuyển tới Bộ phận một cửa' };
  }
  if (forwarding === 'failed') {
    return {
      status: 'forwarding-failed',
      statusCode: null,
      statusName: 'Bộ phận một cửa chưa nhận được hồ sơ — chúng tôi sẽ liên hệ với bạn',
    };
  }
  return { status: STATES_BY_CODE[code as number], statusCode: code, statusName: DOSSIER_STATUS_NAMES[code as DossierStatus] };
}
