import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Only the zmp-ui components the app renders; the full zaui.min.css is three times larger (bundle budget).
import 'zmp-ui/app/styles/app.css';
import 'zmp-ui/page/styles/page.css';
import 'zmp-ui/router/styles/router.css';
import 'zmp-ui/bottom-navigation/styles/bottom-navigation.css';
import './app.css';
import { App } from '@/app';
import { initLanguage } from '@/i18n/language';
import { getApiClient } from '@/lib/api-client';

void getApiClient();
void initLanguage();

createRoot(document.getElementById('app')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
