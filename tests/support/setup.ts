import '@testing-library/jest-dom';
import { cleanup, configure } from '@testing-library/react';
import { i18n } from '@/i18n';
import { zmpSdkMock } from './zmp-sdk-mock';

// Build-time configuration that vite.config.ts `define`s for the real build.
(globalThis as unknown as { __APP_CONFIG__: unknown }).__APP_CONFIG__ = {
  apiBaseUrl: 'http://api.test',
  zaloSandboxUrl: null,
  zaloAppId: '1234567890123456789',
};

// Pages load lazily: the first find of a test file waits for a route's chunk to be compiled and imported, which on a
// busy CI machine can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout: zmp-ui's Page scrolls to the top on mount.
Element.prototype.scrollTo = function scrollTo() {};

afterEach(async () => {
  cleanup();
  zmpSdkMock.reset();
  window.localStorage.clear();
  await i18n.changeLanguage('vi');
  document.documentElement.lang = 'vi';
});

// React (development build) and jsdom log every error that an error boundary catches. Pages show API failures
// through boundaries on purpose, so those two messages are dropped; anything else still reaches the console.
const consoleError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  const text = args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(' ');
  const handledByBoundary =
    text.includes('using the error boundary you provided') ||
    (text.includes('Uncaught') && text.includes('ApiError'));
  if (!handledByBoundary) consoleError(...args);
});
