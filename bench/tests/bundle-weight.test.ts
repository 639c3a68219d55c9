import { initialFiles, ownerOf } from '../scenarios/bundle-weight';

describe('what index.html loads first', () => {
  it('finds the module script, modulepreloads and stylesheets, not other links', () => {
    const html = `<!doctype html><html><head>
      <link rel="preconnect" href="http://localhost:3001" crossorigin="anonymous">
      <link rel="preload" as="fetch" href="http://localhost:3001/api/v1/procedures?pageSize=8" crossorigin="anonymous">
      <link rel="icon" href="data:," />
      <script type="module" crossorigin src="./assets/index.abc.module.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor.def.js">
      <link rel="stylesheet" crossorigin href="./assets/index-123.css">
    </head><body><div id="app"></div></body></html>`;
    expect(initialFiles(html)).toEqual({
      scripts: ['assets/index.abc.module.js'],
      preloads: ['assets/vendor.def.js'],
      styles: ['assets/index-123.css'],
    });
  });
});

describe('who a source file in the bundle belongs to', () => {
  it('names npm packages, scoped ones included, by their folder under node_modules', () => {
    expect(ownerOf('../../node_modules/react-dom/cjs/react-dom.production.min.js')).toBe('react-dom');
    expect(ownerOf('../../node_modules/@remix-run/router/dist/router.js')).toBe('@remix-run/router');
    expect(ownerOf('../../node_modules/zmp-ui/node_modules/clsx/dist/clsx.m.js')).toBe('clsx');
  });

  it('groups the app by feature or folder, and the shared rules of the proxy', () => {
    expect(ownerOf('../../src/features/catalog/state/catalog-state.ts')).toBe('app: src/features/catalog');
    expect(ownerOf('../../src/components/search-box.tsx')).toBe('app: src/components');
    expect(ownerOf('../../src/main.tsx')).toBe('app: src/(root)');
    expect(ownerOf('../../server/src/domain/search-text.ts')).toBe('app: server/src/domain (shared rules)');
    expect(ownerOf('/work/main/src/features/applications/steps.ts')).toBe('app: src/features/applications');
    expect(ownerOf('[unmapped]')).toBe('[unmapped]');
  });
});
