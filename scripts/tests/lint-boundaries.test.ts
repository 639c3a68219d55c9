// The boundaries of shared/design/ARCHITECTURE.md are lint rules that `npm test` runs: each deliberate violation
// below must be refused by the project's own ESLint configuration (eslint.config.mjs), and the same import in its
// allowed place must pass. ESLint runs in a child process: it loads its ES module configuration there.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

/** Lints each text as if it were the named file; the rule ids reported for each. */
function lint(cases: Case[]): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const eslint = new ESLint({ cwd: process.cwd() });
    const cases = JSON.parse(process.argv[1]);
    const out = [];
    for (const { file, code } of cases) {
      const [result] = await eslint.lintText(code, { filePath: file });
      out.push(result.messages.map((message) => message.ruleId ?? message.message));
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(cases)], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[][];
}

const cases: Array<[what: string, Case, expected: string[]]> = [
  [
    'a feature importing another feature',
    { file: 'src/features/catalog/components/example.ts', code: "import { listOffices } from '@/features/offices/api/list-offices';\nexport const x = listOffices;\n" },
    ['import/no-restricted-paths'],
  ],
  [
    'a feature importing its own files',
    { file: 'src/features/offices/components/example.ts', code: "import { listOffices } from '@/features/offices/api/list-offices';\nexport const x = listOffices;\n" },
    [],
  ],
  [
    'a shared component importing a feature',
    { file: 'src/components/example.ts', code: "import { listOffices } from '@/features/offices/api/list-offices';\nexport const x = listOffices;\n" },
    ['import/no-restricted-paths'],
  ],
  [
    'zmp-sdk imported outside src/lib/zalo.ts',
    { file: 'src/pages/example.ts', code: "import { getUserInfo } from 'zmp-sdk';\nexport const x = getUserInfo;\n" },
    ['no-restricted-imports'],
  ],
  [
    'the sandbox importing the proxy',
    { file: 'sandbox/src/example.ts', code: "import { loadConfig } from '../../server/src/config';\nexport const x = loadConfig;\n" },
    ['import/no-restricted-paths'],
  ],
  [
    'the mini app importing the proxy',
    { file: 'src/lib/example.ts', code: "import { loadConfig } from '../../server/src/config';\nexport const x = loadConfig;\n" },
    ['import/no-restricted-paths'],
  ],
  [
    'the shared floor importing a Node built-in',
    { file: 'domain/src/example.ts', code: "import { createHash } from 'node:crypto';\nexport const x = createHash;\n" },
    ['import/no-nodejs-modules'],
  ],
  ['a file name that is not kebab-case', { file: 'src/lib/exampleFile.ts', code: 'export const x = 1;\n' }, ['check-file/filename-naming-convention']],
  [
    'a hook called conditionally',
    {
      file: 'src/components/example.tsx',
      code: "import { useState } from 'react';\nexport function Example({ on }: { on: boolean }) {\n  if (on) useState(0);\n  return null;\n}\n",
    },
    ['react-hooks/rules-of-hooks'],
  ],
];

test('each boundary is a lint rule: the violation is refused, the allowed import passes', () => {
  const results = lint(cases.map(([, input]) => input));
  const seen = cases.map(([what], index) => [what, results[index]]);
  expect(seen).toEqual(cases.map(([what, , expected]) => [what, expected]));
});
