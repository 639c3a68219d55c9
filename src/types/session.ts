// POST /api/v1/sessions, as the proxy's contract defines it (domain/src/api/sessions.ts).
import type { z } from 'zod';
import type { sessionSchema } from '@lao-cai-so/domain/api/sessions';

export type Session = z.output<typeof sessionSchema>;
