import { cleanup } from '@testing-library/react';
import { endSession } from '@/state/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { installIdentityProxy, type IdentityProxy } from './fake-identity-proxy';

/**
 * The session is module state, like the app's one session. Files that sign in end it after each test, so the
 * next test starts from storage (cleared by setup.ts) as the app does when it opens.
 */
export function endSessionAfterEachTest(): void {
  afterEach(async () => {
    cleanup();
    await endSession('expired');
  });
}

/**
 * For files that sign in: before each test, a fresh fake proxy with the identity endpoints (sessions, me, consents,
 * notification settings), handed to `setUp` (which keeps them and adds the routes the file needs); after each test, the
 * session ends (endSessionAfterEachTest).
 */
export function withIdentityProxy(setUp: (fake: { api: FakeApi; proxy: IdentityProxy }) => void): void {
  endSessionAfterEachTest();
  beforeEach(async () => {
    const api = await installFakeApi();
    setUp({ api, proxy: installIdentityProxy(api) });
  });
}

// jsdom has <dialog> without showModal()/close(); the app's confirmations open with showModal().
const dialog = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
dialog.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
dialog.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};
