// Where seed.setup.ts stored the corpus, shared with xss.spec.ts through a JSON file in the
// run's output directory (the setup project runs first, once).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestInfo } from '@playwright/test';

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

export interface Item {
  id: string;
  title: string;
}

export interface Fixture {
  key: string;
  /** A word in every payload proposal (search). */
  word: string;
  accounts: Record<'author' | 'commenter' | 'reporter' | 'suspended' | 'watcher', Account>;
  consultation: { id: string; slug: string; title: string; description: string };
  organisation: { id: string; name: string };
  proposals: Record<
    'main' | 'reported' | 'hidden' | 'answered' | 'lead' | 'merged' | 'withdrawn' | 'other',
    Item
  >;
  /** A comment on the main proposal whose Markdown rendering is its text, word for word. */
  literalComment: string;
  /** The first line of texts stored in other fields (a whole payload each), to find on pages. */
  shown: Record<
    | 'description'
    | 'experiment'
    | 'withdrawReason'
    | 'reportDetails'
    | 'hideReason'
    | 'mergeReason'
    | 'suspendReason'
    | 'answer'
    | 'sectionTitle',
    string
  >;
  clusterId: string;
  brief: { id: string; slug: string; title: string };
}

export const fixturePath = (info: TestInfo) => join(info.project.outputDir, 'xss-fixture.json');

export function readFixture(info: TestInfo): Fixture {
  return JSON.parse(readFileSync(fixturePath(info), 'utf8')) as Fixture;
}
