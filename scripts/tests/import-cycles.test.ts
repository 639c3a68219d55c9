// No import cycle between files: a reader can start at any file and follow its imports to the bottom. Type imports
// count (they tie files together as much as values do); a lazy `import()` kept out of the initial bundle does not,
// since the chunk it loads cannot run before the file that loads it.
import path from 'node:path';
// madge ships no types; its promise resolves to a result with circular().
// eslint-disable-next-line @typescript-eslint/no-require-imports
const madge = require('madge') as (paths: string[], config: object) => Promise<{ circular(): string[][] }>;

const root = path.resolve(__dirname, '../..');
const detective = { skipTypeImports: false, skipAsyncImports: true, mixedImports: true };

async function cyclesIn(folder: string, tsConfig: string): Promise<string[][]> {
  const result = await madge([path.join(root, folder)], {
    baseDir: root,
    fileExtensions: ['ts', 'tsx'],
    tsConfig: path.join(root, tsConfig),
    detectiveOptions: { ts: detective, tsx: detective, es6: detective },
  });
  return result.circular();
}

test.each([
  ['src', 'tsconfig.json'],
  ['domain/src', 'domain/tsconfig.json'],
  ['server/src', 'server/tsconfig.json'],
  ['sandbox/src', 'sandbox/tsconfig.json'],
])('%s has no import cycle', async (folder, tsConfig) => {
  expect(await cyclesIn(folder, tsConfig)).toEqual([]);
});
