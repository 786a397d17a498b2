import { execFileSync } from 'node:child_process';
import path from 'node:path';

// Runs the repository's real ESLint (the same binary and configuration as `npm run lint`) on probe
// code placed, through --stdin-filename, inside each project: a weakened boundary rule fails here.
const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

function boundaryErrors(filePath: string, code: string): string[] {
  let output: string;
  try {
    output = execFileSync(
      process.execPath,
      [eslintBin, '--stdin', '--stdin-filename', filePath, '--format', 'json'],
      {
        cwd: root,
        input: code,
        encoding: 'utf8',
      },
    );
  } catch (error) {
    // ESLint exits with 1 when it reports errors; its JSON report is still on stdout.
    output = (error as { stdout: string }).stdout;
  }
  const [result] = JSON.parse(output) as { messages: LintMessage[] }[];
  return result.messages
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries')
    .map((message) => message.message);
}

const FRAMEWORKS = [
  '@nestjs/common',
  '@prisma/client',
  'react',
  '@apollo/client',
  'graphql',
  '@mantine/core',
];

describe('module boundaries (npm run lint)', () => {
  it('forbids the domain library to import NestJS, Prisma, React, Apollo, GraphQL or Mantine', () => {
    const code =
      FRAMEWORKS.map((pkg, i) => `import * as p${i} from '${pkg}';`).join('\n') +
      `\nexport const all = [${FRAMEWORKS.map((_, i) => `p${i}`).join(', ')}];\n`;
    const errors = boundaryErrors('libs/domain/src/probe.ts', code);
    expect(errors).toHaveLength(FRAMEWORKS.length);
    for (const pkg of FRAMEWORKS) {
      expect(errors).toContainEqual(expect.stringContaining(`not allowed to import "${pkg}"`));
    }
  });

  it('lets the domain library use plain libraries such as zod', () => {
    expect(
      boundaryErrors('libs/domain/src/probe.ts', "import { z } from 'zod';\nexport const x = z;\n"),
    ).toEqual([]);
  });

  it.each([
    ['apps/web/src/probe.ts', '../../api/src/main'],
    ['apps/api/src/probe.ts', '../../web/src/main'],
  ])('forbids %s to import the other app (%s)', (filePath, target) => {
    const errors = boundaryErrors(
      filePath,
      `import * as other from '${target}';\nexport const x = other;\n`,
    );
    expect(errors).toEqual([
      expect.stringContaining('Projects cannot be imported by a relative or absolute path'),
    ]);
  });

  it('lets apps import the domain library', () => {
    const code = "import { can } from '@passerelle/domain';\nexport const x = can;\n";
    expect(boundaryErrors('apps/api/src/probe.ts', code)).toEqual([]);
  });
});
