// The project's boundaries as rules (shared/design/ARCHITECTURE.md, "Boundaries that keep it simple"); `npm test`
// runs them. Each restriction names the rule it enforces in its message.
import fs from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import checkFile from 'eslint-plugin-check-file';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const features = fs.readdirSync('src/features', { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);

const boundaries = [
  // A feature is a vertical slice: what two features share lives outside both (components, lib, the floor).
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import other features: move what they share to src/components, src/lib or the floor.',
  })),
  { target: './src/components', from: './src/features', message: 'Shared components do not import features.' },
  { target: './src/lib', from: ['./src/features', './src/pages', './src/components'], message: 'src/lib sits below the app.' },
  // The mini app and the sandbox reach the proxy's code only through the shared floor.
  {
    target: './src',
    from: ['./server', './sandbox'],
    message: 'The mini app reaches the proxy only through the shared floor (@lao-cai-so/domain).',
  },
  { target: './sandbox', from: './server', message: 'The sandbox never imports the proxy: only the shared floor is common.' },
  { target: ['./server/src', './domain', './src'], from: './sandbox', message: 'Production code never imports the sandbox.' },
  { target: './domain', from: ['./server', './src', './sandbox', './bench', './scripts'], message: 'The shared floor imports nothing of the parts that stand on it.' },
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'www/**', 'www-e2e/**', '.data/**', 'bench/results/**', '**/*.d.ts', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { import: importPlugin, 'check-file': checkFile },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      'import/resolver': {
        typescript: {
          noWarnOnMultipleProjects: true,
          project: ['tsconfig.json', 'domain/tsconfig.json', 'server/tsconfig.json', 'sandbox/tsconfig.json', 'scripts/tsconfig.json'],
        },
        node: true,
      },
      'import/internal-regex': '^@lao-cai-so/',
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones: boundaries }],
      '@typescript-eslint/no-explicit-any': 'error',
      // A cycle hides the order a reader must understand; a lazy import() kept for bundle size is the one exception.
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-self-import': 'error',
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { '{src,server,sandbox,domain,tests,bench,scripts}/**/': 'KEBAB_CASE' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The mini app's own tests stand where the app stands; the journeys (tests/e2e) drive the whole stack and may
    // read the sandbox's demo data.
    files: ['tests/**/*.{ts,tsx}'],
    ignores: ['tests/e2e/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: [...boundaries, { target: './tests', from: ['./server', './sandbox'], message: 'The mini app tests reach the proxy only through the shared floor.' }] },
      ],
    },
  },
  {
    // Node processes: the proxy, the sandbox, the tools and every test runner.
    files: ['server/**', 'sandbox/**', 'bench/**', 'scripts/**', 'tests/**', 'domain/tests/**', '*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Test doubles and benchmark harnesses reach into untyped corners (pg-boss internals, raw JSON).
    files: ['server/tests/**', 'sandbox/tests/**', 'tests/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Only src/lib/zalo.ts imports zmp-sdk: one file a reader can check against the Zalo reference.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/zalo.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'zmp-sdk', message: 'Only src/lib/zalo.ts imports zmp-sdk.' }], patterns: [{ group: ['zmp-sdk/*'], message: 'Only src/lib/zalo.ts imports zmp-sdk.' }] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ignores: ['tests/e2e/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Browser-safe: the floor runs in the mini app too.
    files: ['domain/src/**/*.ts'],
    rules: { 'import/no-nodejs-modules': 'error' },
  },
  {
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
