// GET /api/v1/offices and /offices/:code, as the proxy's contract defines them (domain/src/api/offices.ts).
import type { z } from 'zod';
import type { officeDetailSchema, officeSummarySchema } from '@lao-cai-so/domain/api/offices';

export type OfficeSummary = z.output<typeof officeSummarySchema>;
export type Office = z.output<typeof officeDetailSchema>;
export type OfficeType = OfficeSummary['type'];
