import { cleanup } from '@testing-library/react';
import { endSession } from '@/features/profile/state/session';

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

// jsdom has <dialog> without showModal()/close(); the app's confirmations open with showModal().
const dialog = HTMLDialogElement.prototype as Partial<HTMLDialogElement>;
dialog.showModal ??= function showModal(this: HTMLDialogElement) {
  this.setAttribute('open', '');
};
dialog.close ??= function close(this: HTMLDialogElement) {
  this.removeAttribute('open');
};
