// The citizen's own data (GET /api/v1/me, /me/consents), as the proxy's contract defines it (domain/src/api/me.ts).
import type { z } from 'zod';
import type { consentStatusSchema, meSchema } from '@lao-cai-so/domain/api/me';

export type { ConsentPurpose } from '@lao-cai-so/domain/consent';
export type Me = z.output<typeof meSchema>;
export type ConsentStatus = z.output<typeof consentStatusSchema>;
