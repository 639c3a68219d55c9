import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { issueSession } from '../../plugins/authentication';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import { toAppError, zaloUnavailable } from '../zalo-errors';
import { type CreateSessionBody, createSessionBody, sessionSchema } from '@lao-cai-so/domain/api/sessions';

export async function sessionRoutes(
  app: FastifyInstance,
  { services }: { services: Services },
): Promise<void> {
  const { zalo, citizens, now } = services;
  app.post<{ Body: CreateSessionBody }>(
    '/sessions',
    {
      config: { public: true },
      schema: {
        tags: [TAGS.identity],
        summary: 'Sign in with a Zalo access token',
        description:
          'Public. Verifies the token once with Zalo (/v2.0/me), records the citizen (their Zalo id; name and avatar ' +
          'only while the profile consent is granted) and returns a short-lived session token. ' +
          '401 ZALO_TOKEN_INVALID when Zalo rejects the token (get a new one from zmp-sdk); ' +
          '503 ZALO_UNAVAILABLE when Zalo cannot be reached or refuses our app credentials. ' +
          'A failure records nothing.',
        body: toJsonSchema(createSessionBody, 'input'),
        response: { 201: toJsonSchema(sessionSchema), ...errorResponses(400, 401, 503) },
      },
    },
    async (request, reply) => {
      let profile;
      try {
        profile = await zalo.getProfile(request.body.accessToken);
      } catch (error) {
        throw toAppError(error, request.log, zaloUnavailable);
      }
      const citizen = await citizens.recordSignIn(profile, now());
      const session = issueSession(app, citizen.id);
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({
          token: session.token,
          expiresAt: session.expiresAt.toISOString(),
          citizen: { id: citizen.id, name: citizen.name, avatar: citizen.avatar },
        });
    },
  );
}
