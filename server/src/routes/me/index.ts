// The signed-in citizen's own data: profile, verified phone, consents, and deleting all of it.
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../composition';
import { CONSENT_TEXTS, type ConsentStatus, isConsentPurpose } from '@lao-cai-so/domain/consent';
import { maskPhoneNumber, normalizePhoneNumber } from '@lao-cai-so/domain/phone-number';
import { unauthenticated } from '../../plugins/authentication';
import { errorResponses, toJsonSchema } from '../../plugins/json-schema';
import { TAGS } from '../../plugins/openapi';
import type { Citizen } from '../../services/citizens';
import { phoneTokenInvalid, toAppError, zaloUnavailable } from '../zalo-errors';
import {
  consentPurposeNotFound,
  consentRequired,
  consentTextOutdated,
  consentTextVersionMissing,
  zaloAccountMismatch,
} from './errors';
import {
  type ConsentAnswerBody,
  consentAnswerBody,
  consentListSchema,
  type ConsentParams,
  consentParams,
  consentStatusSchema,
  meSchema,
  type SharePhoneBody,
  sharePhoneBody,
} from '@lao-cai-so/domain/api/me';

function toMe(citizen: Citizen) {
  return {
    id: citizen.id,
    name: citizen.name,
    avatar: citizen.avatar,
    phone: citizen.phone === null ? null : { number: citizen.phone, masked: maskPhoneNumber(citizen.phone) },
  };
}

function toConsentJson(status: ConsentStatus) {
  const { title, text } = CONSENT_TEXTS[status.purpose];
  return {
    purpose: status.purpose,
    title,
    text,
    currentTextVersion: status.currentTextVersion,
    granted: status.granted,
    textVersion: status.textVersion,
    grantedAt: status.grantedAt?.toISOString() ?? null,
    withdrawnAt: status.withdrawnAt?.toISOString() ?? null,
    renewalNeeded: status.renewalNeeded,
  };
}

export async function meRoutes(app: FastifyInstance, { services }: { services: Services }): Promise<void> {
  const { zalo, citizens } = services;
  // Personal data: never cached by the phone's WebView or anything in between.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/me',
    {
      schema: {
        tags: [TAGS.identity],
        summary: "The signed-in citizen's profile",
        description: 'Name and avatar while the profile consent is granted; the verified phone while the phone consent is.',
        response: { 200: toJsonSchema(meSchema) },
      },
    },
    async (request) => {
      const citizen = await citizens.findCitizen(request.citizenId);
      if (!citizen) throw unauthenticated();
      return toMe(citizen);
    },
  );

  app.post<{ Body: SharePhoneBody }>(
    '/me/phone',
    {
      schema: {
        tags: [TAGS.identity],
        summary: 'Share the verified phone number',
        description:
          'Exchanges a getPhoneNumber() token with Zalo (/v2.0/me/info) and stores the number as 84…. Zalo needs the ' +
          "user's access token for the exchange, and the proxy keeps no Zalo tokens, so the app sends a fresh one " +
          'from getAccessToken(). 403 CONSENT_REQUIRED until the phone consent is granted; 403 ZALO_ACCOUNT_MISMATCH ' +
          'when the access token belongs to another Zalo user than the session; 400 PHONE_TOKEN_INVALID ' +
          'for a used or expired phone token (ask getPhoneNumber() again); 401 ZALO_TOKEN_INVALID when Zalo rejects ' +
          'the access token; 503 ZALO_UNAVAILABLE. A failure stores nothing.',
        body: toJsonSchema(sharePhoneBody, 'input'),
        response: { 200: toJsonSchema(meSchema), ...errorResponses(400, 403, 503) },
      },
    },
    async (request) => {
      const consents = await citizens.listConsents(request.citizenId);
      if (!consents.find((status) => status.purpose === 'phone')?.granted) throw consentRequired();

      // Zalo ties the phone token to the access token's user; this ties that user to the session's citizen, so
      // nobody can attach another person's verified number to their record.
      const { accessToken, phoneToken } = request.body;
      let number: string;
      try {
        const profile = await zalo.getProfile(accessToken);
        if (profile.id !== (await citizens.findZaloUserId(request.citizenId))) throw zaloAccountMismatch();
        number = await zalo.getPhoneNumber(accessToken, phoneToken);
      } catch (error) {
        throw toAppError(error, request.log, phoneTokenInvalid);
      }
      const phone = normalizePhoneNumber(number);
      if (phone === null) {
        request.log.warn('Zalo answered with a number that is not a Vietnamese mobile');
        throw zaloUnavailable();
      }
      // Checks the consent again in the same statement: it may have been withdrawn while Zalo answered.
      const citizen = await citizens.storeVerifiedPhone(request.citizenId, phone);
      if (!citizen) throw consentRequired();
      return toMe(citizen);
    },
  );

  app.get(
    '/me/consents',
    {
      schema: {
        tags: [TAGS.identity],
        summary: 'Every consent purpose with its current state and text',
        description: 'One entry per purpose (profile, phone, notifications), granted or not, with the dates.',
        response: { 200: toJsonSchema(consentListSchema) },
      },
    },
    async (request) => ({ consents: (await citizens.listConsents(request.citizenId)).map(toConsentJson) }),
  );

  app.put<{ Params: ConsentParams; Body: ConsentAnswerBody }>(
    '/me/consents/:purpose',
    {
      schema: {
        tags: [TAGS.identity],
        summary: 'Grant or withdraw one consent',
        description:
          'Granting records the time and the text version the citizen read (textVersion must be the current one: ' +
          '409 CONSENT_TEXT_OUTDATED otherwise). Withdrawing deletes the data held for that purpose at once ' +
          '(profile: name and avatar; phone: the number). Answering the same twice changes nothing. ' +
          '404 CONSENT_PURPOSE_NOT_FOUND for an unknown purpose.',
        params: toJsonSchema(consentParams, 'input'),
        body: toJsonSchema(consentAnswerBody, 'input'),
        response: { 200: toJsonSchema(consentStatusSchema), ...errorResponses(400, 404, 409) },
      },
    },
    async (request) => {
      const { purpose } = request.params;
      if (!isConsentPurpose(purpose)) throw consentPurposeNotFound();
      if (request.body.granted && request.body.textVersion === undefined) throw consentTextVersionMissing();
      const result = await citizens.answerConsent(request.citizenId, purpose, request.body);
      if (!result.ok) throw consentTextOutdated();
      return toConsentJson(result.status);
    },
  );

  app.delete(
    '/me',
    {
      schema: {
        tags: [TAGS.identity],
        summary: 'Delete all my data',
        description:
          'Deletes the citizen and everything the proxy holds about them (consent history included). The session ' +
          'token stops working; signing in again starts a new, empty record.',
        response: { 204: { type: 'null', description: 'Deleted' } },
      },
    },
    async (request, reply) => {
      await citizens.deleteCitizen(request.citizenId);
      return reply.code(204).send();
    },
  );
}
