import { apiGet } from '@/lib/api-client';

interface OwnApplication {
  id: string;
  receiptCode: string | null;
}

/**
 * The id of the signed-in citizen's own application with this receipt code (from GET /api/v1/applications), or null
 * when they have none; fails when they are not signed in.
 */
export async function findApplicationByReceiptCode(receiptCode: string): Promise<string | null> {
  const { items } = await apiGet<{ items: OwnApplication[] }>('/api/v1/applications', { signedIn: true });
  const wanted = receiptCode.toUpperCase();
  return items.find((item) => item.receiptCode?.toUpperCase() === wanted)?.id ?? null;
}
