// Path and query parameters that name catalogue entries, shared by the procedure and office routes.
import { z } from 'zod';

export const procedureCodeSchema = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[0-9A-Za-z._-]+$/)
  .meta({ description: 'National procedure code, e.g. 1.001193' });

export const officeCodeSchema = z
  .string()
  .min(1)
  .max(10)
  .regex(/^[0-9A-Za-z]+$/)
  .meta({ description: 'Administrative unit code, e.g. 04465; H38 for the provincial centre' });
