// One production build of the mini app per bench run (`vite build` with the project's vite.config.ts, terser, as
// `npm start` builds it) into a temporary folder, with hidden source maps for the dependency breakdown (the JS is
// byte-for-byte what a build without maps gives; only .map files are added). It points at the ports the
// weak-network scenario's stack will use, so both scenarios measure the same files.
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { freePort, makeTempDir, REPO_ROOT } from './processes';

export interface ChunkInfo {
  fileName: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  /** Chunks imported statically (must load before this one runs). */
  imports: string[];
  dynamicImports: string[];
  /** CSS files Vite attaches to this chunk. */
  css: string[];
  /** Source modules in the chunk with their rendered (tree-shaken, not yet minified) length. */
  modules: Record<string, number>;
}

export interface MiniAppBuild {
  outDir: string;
  ports: { app: number; api: number; sandbox: number };
  chunks: ChunkInfo[];
  seconds: number;
}

let building: Promise<MiniAppBuild> | undefined;

/** The build's own module graph, captured as Rollup hands it to the writer. */
function captureChunks(into: ChunkInfo[]): Plugin {
  return {
    name: 'bench-capture-chunks',
    generateBundle(_options, bundle: Rollup.OutputBundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const meta = (output as { viteMetadata?: { importedCss: Set<string> } }).viteMetadata;
        into.push({
          fileName: output.fileName,
          isEntry: output.isEntry,
          isDynamicEntry: output.isDynamicEntry,
          imports: output.imports,
          dynamicImports: output.dynamicImports,
          css: meta ? [...meta.importedCss] : [],
          modules: Object.fromEntries(Object.entries(output.modules).map(([id, info]) => [id, info.renderedLength])),
        });
      }
    },
  };
}

export function productionBuild(log: (message: string) => void): Promise<MiniAppBuild> {
  building ??= (async () => {
    const outDir = path.join(makeTempDir('www'), 'www');
    const ports = { app: await freePort(), api: await freePort(), sandbox: await freePort() };
    const chunks: ChunkInfo[] = [];
    log(`vite build → ${outDir}`);
    const started = Date.now();
    const saved = { ...process.env };
    // As scripts/start.ts builds: production mode and React, the demo's sandbox stand-ins, this run's ports.
    process.env.NODE_ENV = 'production';
    process.env.VITE_CJS_IGNORE_WARNING = 'true';
    process.env.VITE_API_URL = `http://localhost:${ports.api}`;
    process.env.VITE_ZALO_SANDBOX_URL = `http://localhost:${ports.sandbox}`;
    try {
      const { build } = await import('vite');
      await build({
        root: REPO_ROOT,
        configFile: path.join(REPO_ROOT, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'error',
        plugins: [captureChunks(chunks)],
        build: { outDir, emptyOutDir: true, sourcemap: 'hidden' },
      });
    } finally {
      for (const key of ['NODE_ENV', 'VITE_CJS_IGNORE_WARNING', 'VITE_API_URL', 'VITE_ZALO_SANDBOX_URL']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
    if (!fs.existsSync(path.join(outDir, 'index.html'))) throw new Error(`vite build wrote no index.html into ${outDir}`);
    return { outDir, ports, chunks, seconds: (Date.now() - started) / 1000 };
  })();
  return building;
}
