import { z } from 'zod';

/**
 * Zalo user access tokens are a few hundred visible ASCII characters; anything far longer, or with a space, a control
 * character (NUL) or a letter outside ASCII, is not one and is refused here instead of being sent to Zalo (where it
 * failed as a header value and read as a Zalo outage).
 */
export const zaloAccessTokenSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[\x21-\x7e]+$/)
  .meta({ description: 'A Zalo user access token: zmp-sdk getAccessToken() (in the demo, the sandbox login)' });

export const createSessionBody = z.object({ accessToken: zaloAccessTokenSchema });

export const sessionCitizenSchema = z.object({
  id: z.uuid().meta({ description: "The proxy's citizen id (also the session token's sub)" }),
  name: z.string().nullable().meta({ description: 'Zalo name; null unless the profile consent is granted' }),
  avatar: z.string().nullable().meta({ description: 'Zalo avatar URL; null unless the profile consent is granted' }),
});

export const sessionSchema = z.object({
  token: z.string().meta({ description: 'Session token: send as Authorization: Bearer <token>' }),
  expiresAt: z.iso.datetime().meta({ description: 'When the token stops working; sign in again before' }),
  citizen: sessionCitizenSchema,
});

export type CreateSessionBody = z.output<typeof createSessionBody>;
