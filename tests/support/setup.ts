import '@testing-library/jest-dom';
import { cleanup } from '@testing-library/react';
import { i18n } from '@/i18n';
import { zmpSdkMock } from './zmp-sdk-mock';

// Build-time configuration that vite.config.ts `define`s for the real build.
(globalThis as unknown as { __APP_CONFIG__: unknown }).__APP_CONFIG__ = {
  apiBaseUrl: 'http://api.test',
  zaloSandboxUrl: null,
};

// jsdom has no layout: zmp-ui's Page scrolls to the top on mount.
Element.prototype.scrollTo = function scrollTo() {};

afterEach(async () => {
  cleanup();
  zmpSdkMock.reset();
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
  document.documentElement.lang = 'vi';
});
