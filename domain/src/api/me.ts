import { z } from 'zod';
import { CONSENT_PURPOSES } from '../consent';
import { zaloAccessTokenSchema } from './sessions';

export const phoneSchema = z
  .object({
    number: z.string().meta({ description: 'The verified number, normalised to 84… (e.g. 84912345678)' }),
    masked: z.string().meta({ description: 'For display: last three digits visible, e.g. •••• ••• 678' }),
  })
  .meta({ description: 'Null until the citizen shares a number under the phone consent' });

export const meSchema = z.object({
  id: z.uuid(),
  name: z.string().nullable().meta({ description: 'Zalo name; null unless the profile consent is granted' }),
  avatar: z.string().nullable().meta({ description: 'Zalo avatar URL; null unless the profile consent is granted' }),
  phone: phoneSchema.nullable(),
});

export const sharePhoneBody = z.object({
  phoneToken: z
    .string()
    .min(1)
    .max(2048)
    .meta({ description: 'The single-use token from zmp-sdk getPhoneNumber() (valid 2 minutes)' }),
  accessToken: zaloAccessTokenSchema.meta({
    description:
      'A current Zalo access token (zmp-sdk getAccessToken()): Zalo needs it for the exchange, and the proxy keeps no Zalo tokens',
  }),
});

export const consentStatusSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  title: z.string().meta({ description: 'Vietnamese name of the purpose' }),
  text: z.string().meta({ description: 'The current Vietnamese consent text to show before asking' }),
  currentTextVersion: z.string().meta({ description: 'Send it back in PUT when the citizen agrees to `text`' }),
  granted: z.boolean(),
  textVersion: z.string().nullable().meta({ description: 'Version the latest grant agreed to; null if never granted' }),
  grantedAt: z.iso.datetime().nullable(),
  withdrawnAt: z.iso.datetime().nullable(),
  renewalNeeded: z.boolean().meta({ description: 'Granted to an older text: show the current text and ask again' }),
});

export const consentListSchema = z.object({ consents: z.array(consentStatusSchema) });

export const consentParams = z.object({
  purpose: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: `One of ${CONSENT_PURPOSES.join(', ')}; anything else is 404 CONSENT_PURPOSE_NOT_FOUND` }),
});

export const consentAnswerBody = z.object({
  granted: z.boolean(),
  textVersion: z
    .string()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: 'Required when granting: the currentTextVersion of the text the citizen read' }),
});

export type SharePhoneBody = z.output<typeof sharePhoneBody>;
export type ConsentParams = z.output<typeof consentParams>;
export type ConsentAnswerBody = z.output<typeof consentAnswerBody>;
