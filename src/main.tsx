import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Only the zmp-ui components the app renders; the full zaui.min.css is three times larger (bundle budget).
import 'zmp-ui/app/styles/app.css';
import 'zmp-ui/page/styles/page.css';
import 'zmp-ui/router/styles/router.css';
import 'zmp-ui/bottom-navigation/styles/bottom-navigation.css';
import './app.css';
import { App } from '@/app';
import { getApiClient } from '@/lib/api-client';

void getApiClient();
// The first render is in Vietnamese (bundled); the saved or Zalo language follows. Its code (storage, the zmp-sdk
// wrapper) is a lazy chunk: it waits for zmp-sdk, itself a lazy chunk, anyway.
void import('@/i18n/language').then((language) => language.initLanguage());

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
