/** POST /api/v1/sessions */
export interface Session {
  token: string;
  /** ISO date-time. */
  expiresAt: string;
  citizen: { id: string; name: string | null; avatar: string | null };
}
