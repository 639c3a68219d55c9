// Scenario 1 — mini app weight: the production build's JS and CSS, raw, gzip and brotli, per chunk and in total;
// the initial set (what index.html loads: its module script, modulepreloads and stylesheets, plus anything the
// entry imports statically) against the budget; and the largest dependencies in the initial JavaScript, from the
// build's source maps (source-map-explorer, pinned) grouped by npm package or app folder.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { explore } from 'source-map-explorer';
import { productionBuild } from '../harness/mini-app-build';
import type { Scenario, ScenarioResult, Table } from '../harness/report-types';

export const INITIAL_BUDGET_BYTES = 110_000;

interface FileWeight {
  file: string;
  kind: 'js' | 'css';
  raw: number;
  gzip: number;
  brotli: number;
}

function weigh(outDir: string, file: string): FileWeight {
  const bytes = fs.readFileSync(path.join(outDir, file));
  return {
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    raw: bytes.length,
    // gzip at zlib's default level 6 (what Vite's report and most servers use); brotli at 11, as precompressed.
    gzip: zlib.gzipSync(bytes).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** What index.html makes the browser fetch before the app can run. */
export function initialFiles(html: string): { scripts: string[]; preloads: string[]; styles: string[] } {
  const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const clean = (href: string) => href.replace(/^\.?\//, '');
  const scripts: string[] = [];
  const preloads: string[] = [];
  const styles: string[] = [];
  for (const tag of tags) {
    if (tag.startsWith('<script') && attr(tag, 'src')) scripts.push(clean(attr(tag, 'src')!));
    else if (/rel="modulepreload"/.test(tag) && attr(tag, 'href')) preloads.push(clean(attr(tag, 'href')!));
    else if (/rel="stylesheet"/.test(tag) && attr(tag, 'href')) styles.push(clean(attr(tag, 'href')!));
  }
  return { scripts, preloads, styles };
}

/** An npm package ("react-dom", "@scope/name") or the app's folder ("app: src/features/catalog"). */
export function ownerOf(source: string): string {
  const normalized = source.replace(/\\/g, '/');
  const nodeModules = normalized.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = normalized.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  // Repository files: relative to the build ("../../src/…") or absolute.
  let inRepo = normalized.replace(/^(\.\.\/)+/, '');
  if (!/^(src|server)\//.test(inRepo)) inRepo = inRepo.replace(/^.*?\/(?=(?:src|server)\/)/, '');
  const parts = inRepo.split('/');
  if (parts[0] === 'server') return 'app: server/src/domain (shared rules)';
  if (parts[0] === 'src' && parts[1] === 'features') return `app: src/features/${parts[2]}`;
  if (parts[0] === 'src') return `app: src/${parts.length > 2 ? parts[1] : '(root)'}`;
  return source.startsWith('[') ? source : `other: ${parts.slice(0, 2).join('/')}`;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const bytesOf = (bytes: number) => `${bytes.toLocaleString('en-US')} B`;

export const bundleWeight: Scenario = {
  id: 'weight',
  title: 'Mini app weight (production build)',
  async run(context): Promise<ScenarioResult> {
    const build = await productionBuild(context.log);
    const assets = fs.readdirSync(path.join(build.outDir, 'assets')).filter((file) => /\.(js|css)$/.test(file));
    const weights = new Map(assets.map((file) => [`assets/${file}`, weigh(build.outDir, `assets/${file}`)]));
    const html = fs.readFileSync(path.join(build.outDir, 'index.html'), 'utf8');
    const declared = initialFiles(html);

    // The static-import closure of the entry: the browser needs all of it before the app runs.
    const byFile = new Map(build.chunks.map((chunk) => [chunk.fileName, chunk]));
    const entry = build.chunks.find((chunk) => chunk.isEntry);
    const closure = new Set<string>();
    const visit = (file: string) => {
      if (closure.has(file)) return;
      closure.add(file);
      const chunk = byFile.get(file);
      chunk?.imports.forEach(visit);
      chunk?.css.forEach((css) => closure.add(css));
    };
    if (entry) visit(entry.fileName);
    const initial = new Set([...declared.scripts, ...declared.preloads, ...declared.styles, ...closure]);
    const notDeclared = [...closure].filter((file) => ![...declared.scripts, ...declared.preloads, ...declared.styles].includes(file));

    const sum = (files: FileWeight[], key: 'raw' | 'gzip' | 'brotli') => files.reduce((total, file) => total + file[key], 0);
    const all = [...weights.values()];
    const initialWeights = all.filter((file) => initial.has(file.file));
    const initialJs = initialWeights.filter((file) => file.kind === 'js');
    const initialCss = initialWeights.filter((file) => file.kind === 'css');
    const initialGzip = sum(initialWeights, 'gzip');

    const role = (file: string) => {
      if (declared.scripts.includes(file)) return 'initial: entry';
      if (declared.preloads.includes(file)) return 'initial: modulepreload';
      if (declared.styles.includes(file)) return 'initial: stylesheet';
      if (closure.has(file)) return 'initial: static import (not preloaded)';
      const chunk = byFile.get(file);
      if (chunk?.isDynamicEntry) return 'lazy: dynamic import';
      if (file.endsWith('.css')) return 'lazy: CSS of a lazy chunk';
      return 'lazy: shared by lazy chunks';
    };

    // Largest dependencies of the initial JS, from the source maps.
    const owners = new Map<string, number>();
    let mappedTotal = 0;
    for (const file of initialJs) {
      const result = await explore(
        { code: path.join(build.outDir, file.file), map: path.join(build.outDir, `${file.file}.map`) },
        { noBorderChecks: true },
      );
      for (const bundle of result.bundles) {
        for (const [source, data] of Object.entries(bundle.files)) {
          const owner = ownerOf(source);
          owners.set(owner, (owners.get(owner) ?? 0) + data.size);
          mappedTotal += data.size;
        }
      }
    }
    const initialJsRaw = sum(initialJs, 'raw');
    const initialJsGzip = sum(initialJs, 'gzip');
    const dependencies = [...owners.entries()].sort((a, b) => b[1] - a[1]);

    const tables: Table[] = [
      {
        title: 'Totals (gzip: zlib level 6; brotli: quality 11; KB = 1,000 bytes)',
        columns: ['set', 'files', 'raw', 'gzip', 'brotli'],
        rows: [
          ['initial JS', String(initialJs.length), kb(initialJsRaw), kb(initialJsGzip), kb(sum(initialJs, 'brotli'))],
          ['initial CSS', String(initialCss.length), kb(sum(initialCss, 'raw')), kb(sum(initialCss, 'gzip')), kb(sum(initialCss, 'brotli'))],
          ['**initial JS + CSS**', String(initialWeights.length), kb(sum(initialWeights, 'raw')), `**${bytesOf(initialGzip)}**`, kb(sum(initialWeights, 'brotli'))],
          ['all JS', String(all.filter((f) => f.kind === 'js').length), kb(sum(all.filter((f) => f.kind === 'js'), 'raw')), kb(sum(all.filter((f) => f.kind === 'js'), 'gzip')), kb(sum(all.filter((f) => f.kind === 'js'), 'brotli'))],
          ['all CSS', String(all.filter((f) => f.kind === 'css').length), kb(sum(all.filter((f) => f.kind === 'css'), 'raw')), kb(sum(all.filter((f) => f.kind === 'css'), 'gzip')), kb(sum(all.filter((f) => f.kind === 'css'), 'brotli'))],
        ],
      },
      {
        title: 'Largest dependencies in the initial JS (minified bytes attributed by the source maps; gzip share estimated in proportion)',
        columns: ['package or app folder', 'minified', 'share', '≈ gzip'],
        rows: dependencies.slice(0, 15).map(([owner, bytes]) => [
          owner,
          kb(bytes),
          `${((bytes / mappedTotal) * 100).toFixed(1)}%`,
          kb((bytes / initialJsRaw) * initialJsGzip),
        ]),
      },
      {
        title: 'Every chunk, largest first',
        columns: ['file', 'role', 'raw', 'gzip', 'brotli'],
        rows: all
          .sort((a, b) => b.gzip - a.gzip)
          .map((file) => [file.file.replace('assets/', ''), role(file.file), kb(file.raw), kb(file.gzip), kb(file.brotli)]),
      },
    ];
    return {
      id: this.id,
      title: this.title,
      available: true,
      notes: [
        `\`vite build\` with the project's vite.config.ts (production mode, terser) into a temporary folder, in ` +
          `${build.seconds.toFixed(0)} s. A build is deterministic, so this is one measurement, not a median. ` +
          `"Initial" is what index.html makes the browser fetch before the app runs: ${declared.scripts.length} module ` +
          `script(s), ${declared.preloads.length} modulepreload(s), ${declared.styles.length} stylesheet(s)` +
          (notDeclared.length ? `, and ${notDeclared.length} file(s) the entry imports statically without a preload (${notDeclared.join(', ')})` : '') +
          '. Everything else is fetched on demand (pages, axios with the HTTP client, zmp-sdk, image compression).',
      ],
      tables,
      budgets: [
        {
          name: 'Initial JS + CSS (gzip)',
          budget: `≤ ${bytesOf(INITIAL_BUDGET_BYTES)}`,
          actual: `${bytesOf(initialGzip)} (JS ${bytesOf(initialJsGzip)} + CSS ${bytesOf(sum(initialCss, 'gzip'))})`,
          pass: initialGzip <= INITIAL_BUDGET_BYTES,
        },
      ],
      checks: [],
      figures: {
        buildSeconds: build.seconds,
        initial: {
          files: [...initial],
          jsRaw: initialJsRaw,
          jsGzip: initialJsGzip,
          cssRaw: sum(initialCss, 'raw'),
          cssGzip: sum(initialCss, 'gzip'),
          gzip: initialGzip,
          brotli: sum(initialWeights, 'brotli'),
          budget: INITIAL_BUDGET_BYTES,
        },
        files: all,
        initialDependencies: Object.fromEntries(dependencies),
      },
    };
  },
};
