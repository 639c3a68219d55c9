import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import zaloMiniApp from 'zmp-vite-plugin';
import { fileURLToPath } from 'node:url';
import { POPULAR_PROCEDURES_PATH } from './src/features/catalog/api/popular-procedures-path';

/**
 * The home screen needs the proxy's popular procedures: index.html opens the connection to the proxy and asks for
 * them while the browser is still downloading the JavaScript (on a 400 kbit/s link that saves the second or so the
 * request would otherwise wait for the app and its HTTP client chunk; `npm run bench` measures it).
 */
function preloadHomeData(apiBaseUrl: string): Plugin {
  return {
    name: 'lao-cai-so:preload-home-data',
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'preconnect', href: apiBaseUrl, crossorigin: 'anonymous' }, injectTo: 'head-prepend' },
      {
        tag: 'link',
        attrs: { rel: 'preload', as: 'fetch', href: `${apiBaseUrl}${POPULAR_PROCEDURES_PATH}`, crossorigin: 'anonymous' },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Build-time configuration reaches the app as one global constant (see src/config/app-config.ts) rather than
// through import.meta.env, which jest cannot parse; tests/support/setup.ts defines the same constant.
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  const appConfig = {
    apiBaseUrl: env.VITE_API_URL || 'http://localhost:3001',
    zaloSandboxUrl: env.VITE_ZALO_SANDBOX_URL || null,
    // The proxy and the sandbox read ZALO_APP_ID; one variable configures all three. The default is the demo's id.
    zaloAppId: env.VITE_ZALO_APP_ID || process.env.ZALO_APP_ID || '1234567890123456789',
  };
  return {
    root: '.',
    base: '',
    plugins: [react(), zaloMiniApp(), preloadHomeData(appConfig.apiBaseUrl)],
    define: { __APP_CONFIG__: JSON.stringify(appConfig) },
    resolve: {
      alias: {
        '@': fileURLToPath(new URL('./src', import.meta.url)),
      },
    },
    build: {
      outDir: 'www',
      emptyOutDir: true,
      target: 'es2020',
      // terser packs the initial bundle about 4 KB (gzip) smaller than esbuild: it counts against the 110 KB budget.
      minify: 'terser',
      terserOptions: { compress: { passes: 2 }, format: { comments: false } },
    },
    server: { host: 'localhost', port: 3000 },
  };
});
