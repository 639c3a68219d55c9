import type { FastifyInstance } from 'fastify';
import type { DemoCitizen } from './demo-citizens';
import type { MessageStore } from './message-store';
import { type PhonePageOptions, phonePageHtml } from './phone-page-html';

export interface PhonePageRoutesOptions extends PhonePageOptions {
  citizens: readonly DemoCitizen[];
  messages: MessageStore;
}

/** `GET /phone`: what each demo citizen's phone received, so a demo shows the whole notification loop. */
export async function phonePageRoutes(app: FastifyInstance, options: PhonePageRoutesOptions): Promise<void> {
  const { citizens, messages } = options;
  app.get('/phone', async (_request, reply) => {
    const all = messages.list();
    const phones = citizens.map((citizen) => ({
      citizen,
      messages: all.filter((message) => message.userId === citizen.id || message.phone === citizen.phone),
    }));
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(phonePageHtml(phones, { appId: options.appId, miniAppOrigin: options.miniAppOrigin }));
  });
}
