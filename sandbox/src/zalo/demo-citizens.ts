import { avatarDataUri } from './avatar';

export interface DemoCitizen {
  /** Per-app Zalo user id (userInfo.id). A string: Zalo ids overflow a double. */
  id: string;
  name: string;
  avatar: string;
  /** Verified phone in Zalo's `84…` form; only `/v2.0/me/info` reveals it. */
  phone: string;
  /** Who this demo person is, for the "sign in as …" picker. */
  description: string;
}

function citizen(id: string, name: string, phone: string, description: string, colour: string): DemoCitizen {
  return { id, name, phone, description, avatar: avatarDataUri(name, colour) };
}

/** Fictional people living in communes of Lào Cai as reorganised in 2025; ids and phones belong to no one. */
export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  citizen('3368637342326461234', 'Giàng Thị Mỷ', '84912000101', 'Người Hmông, xã Bắc Hà', '#c0392b'),
  citizen('5127480036519872210', 'Tẩn Láo San', '84912000102', 'Người Dao đỏ, xã Tả Phìn', '#8e44ad'),
  citizen('7039114825460093318', 'Hoàng Văn Thắng', '84912000103', 'Người Tày, xã Bảo Yên', '#16a085'),
  citizen('2290567741038816645', 'Nguyễn Thị Hồng Nhung', '84912000104', 'Người Kinh, phường Lào Cai', '#2980b9'),
  citizen('6604183397215540027', 'Lù Văn Sài', '84912000105', 'Người Giáy, xã Mường Hum', '#d35400'),
  citizen('4481920375566120983', 'Sùng A Tủa', '84912000106', 'Người Hmông, xã Mù Cang Chải', '#27ae60'),
];
