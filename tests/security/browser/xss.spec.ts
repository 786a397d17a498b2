// Stored XSS: seed.setup.ts put the corpus (payloads.ts) in every user-written field through the
// API; here every page that shows that content is opened in Chromium. On each page: the sentinel
// stays unset, no dialog opens, no CSP violation or uncaught error happens, no injected element
// or attribute (event handler, script, javascript:/data:/vbscript: URL, frame, srcdoc) is in the
// DOM, and the payload text is shown as text (escaped, not dropped).
import { expect, test, type Page } from '../../e2e/support/test';
import { ADMIN, MODERATOR, signIn } from '../../e2e/support/api';
import { CURATOR } from '../../e2e/support/briefs';
import { type Fixture, readFixture } from './fixture';
import { watchPage } from './inspect';
import { LITERAL_PAYLOADS, SENTINEL } from './payloads';

type Viewer = keyof Fixture['accounts'] | 'moderator' | 'curator' | 'admin' | 'anonymous';

interface PageCase {
  name: string;
  as: Viewer;
  url(f: Fixture): string;
  /** Texts that must be visible on the page, exactly as stored (proves they were not dropped). */
  texts(f: Fixture): string[];
  /** Texts that must be in the page (e.g. inside a closed <details>, or an <option>). */
  inPage?(f: Fixture): string[];
  /** Form fields that must hold these values (edit forms). */
  values?(f: Fixture): string[];
  /** UI steps after loading (open a dialog, a tab, a search); checked again afterwards. */
  then?(page: Page, f: Fixture): Promise<void>;
}

const STAFF = { moderator: MODERATOR, curator: CURATOR, admin: ADMIN } as const;
const literal = LITERAL_PAYLOADS.map((p) => p.text);

const proposalPage = (
  key: keyof Fixture['proposals'],
  as: Viewer = 'anonymous',
  extra: (f: Fixture) => string[] = () => [],
): PageCase => ({
  name: `proposal page (${key}, seen by ${as})`,
  as,
  url: (f) => `/propositions/${f.proposals[key].id}`,
  texts: (f) => [f.proposals[key].title, ...extra(f)],
});

const PAGES: PageCase[] = [
  {
    name: 'home',
    as: 'anonymous',
    url: () => '/',
    texts: (f) => [f.proposals.other.title, f.proposals.lead.title],
  },
  {
    name: 'proposals list',
    as: 'anonymous',
    url: () => '/propositions',
    texts: (f) => [f.proposals.lead.title, f.proposals.answered.title],
  },
  {
    name: 'search results',
    as: 'anonymous',
    url: (f) => `/propositions?q=${encodeURIComponent(f.word)}`,
    texts: (f) => [f.proposals.reported.title, f.proposals.answered.title],
  },
  proposalPage('main', 'anonymous', (f) => [
    ...literal,
    f.accounts.author.displayName,
    f.accounts.commenter.displayName,
    f.organisation.name,
    f.shown.experiment,
  ]),
  proposalPage('main', 'author', (f) => [f.literalComment.split('\n')[0]]),
  proposalPage('reported', 'watcher'),
  proposalPage('hidden', 'author'),
  proposalPage('answered', 'anonymous', (f) => [f.shown.answer]),
  proposalPage('lead'),
  proposalPage('merged'),
  proposalPage('withdrawn', 'author', (f) => [f.shown.withdrawReason]),
  proposalPage('other'),
  {
    name: 'proposal edit form',
    as: 'author',
    url: (f) => `/propositions/${f.proposals.reported.id}/modifier`,
    texts: () => [],
    values: (f) => [f.proposals.reported.title],
  },
  {
    name: 'submission form (consultation and organisation choices)',
    as: 'author',
    url: () => '/proposer',
    texts: () => [],
    inPage: (f) => [f.consultation.title, f.organisation.name],
  },
  {
    name: 'territory page',
    as: 'anonymous',
    url: () => '/territoires/COMMUNE-69123',
    texts: (f) => [f.proposals.lead.title],
  },
  {
    name: 'organisation page',
    as: 'author',
    url: (f) => `/organisations/${f.organisation.id}`,
    texts: (f) => [f.organisation.name, f.accounts.author.displayName],
  },
  {
    name: 'profile (author)',
    as: 'author',
    url: () => '/profil',
    texts: (f) => [f.accounts.author.displayName, f.organisation.name],
  },
  {
    name: 'profile (suspended account)',
    as: 'suspended',
    url: () => '/profil',
    texts: (f) => [f.accounts.suspended.displayName, f.shown.suspendReason],
  },
  {
    name: 'notifications (follower of a commented proposal)',
    as: 'watcher',
    url: () => '/notifications',
    texts: (f) => [f.accounts.commenter.displayName, f.proposals.main.title],
  },
  {
    name: 'notifications (author: decisions, answer, merge, citation)',
    as: 'author',
    url: () => '/notifications',
    texts: (f) => [
      f.proposals.hidden.title,
      f.shown.hideReason,
      f.shown.mergeReason,
      f.brief.title,
      f.accounts.commenter.displayName,
    ],
  },
  {
    name: 'notifications (suspended account)',
    as: 'suspended',
    url: () => '/notifications',
    texts: (f) => [f.shown.suspendReason],
  },
  {
    name: 'moderation queue and decision dialog',
    as: 'moderator',
    url: () => '/moderation',
    texts: (f) => [f.proposals.reported.title, f.shown.reportDetails],
    async then(page, f) {
      const item = page
        .getByRole('article')
        .filter({
          has: page.getByRole('heading', { name: f.proposals.reported.title, exact: true }),
        })
        .first();
      // The decision form opens inline; the suspension dialog names the author.
      await item.getByRole('button', { name: 'Masquer' }).click();
      await expect(item.getByRole('textbox')).toBeVisible();
      await item.getByRole('button', { name: 'Suspendre le compte' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
  },
  {
    name: 'moderation audit log',
    as: 'moderator',
    url: () => '/moderation',
    texts: () => [],
    async then(page, f) {
      await page.getByRole('tab', { name: 'Journal des actions' }).click();
      await expect(page.getByText(f.shown.suspendReason).first()).toBeVisible();
    },
  },
  {
    name: 'admin users list',
    as: 'admin',
    url: () => '/admin/utilisateurs',
    texts: () => [],
    async then(page, f) {
      await page.getByRole('searchbox').fill(`xss-author-${f.key}`);
      await page.getByRole('button', { name: 'Rechercher' }).click();
      await expect(page.getByText(f.accounts.author.displayName).first()).toBeVisible();
    },
  },
  {
    name: 'admin consultations list',
    as: 'admin',
    url: () => '/admin/consultations',
    texts: (f) => [f.consultation.title],
  },
  {
    name: 'admin consultation edit form',
    as: 'admin',
    url: (f) => `/admin/consultations/${f.consultation.slug}/modifier`,
    texts: () => [],
    values: (f) => [f.consultation.title, f.consultation.description],
  },
  {
    name: 'admin e-mail outbox',
    as: 'admin',
    url: () => '/admin/courriels',
    texts: () => [],
    inPage: (f) => [f.accounts.commenter.displayName],
  },
  {
    name: 'curation list',
    as: 'curator',
    url: () => '/curation',
    texts: (f) => [f.brief.title],
  },
  {
    name: 'curation workspace',
    as: 'curator',
    url: (f) => `/curation/${f.brief.id}`,
    texts: (f) => [f.proposals.main.title],
    values: (f) => [f.brief.title, f.shown.sectionTitle],
  },
  {
    name: 'curator dashboard',
    as: 'curator',
    url: () => '/curation/tableau-de-bord',
    texts: () => [],
    inPage: (f) => [f.consultation.title],
  },
  {
    name: 'public dashboard',
    as: 'anonymous',
    url: () => '/tableau-de-bord',
    texts: () => [],
    inPage: (f) => [f.consultation.title],
  },
  {
    name: 'published briefs list',
    as: 'anonymous',
    url: () => '/contributions',
    texts: (f) => [f.brief.title],
  },
  {
    name: 'public brief page',
    as: 'anonymous',
    url: (f) => `/contributions/${f.brief.slug}`,
    texts: (f) => [f.brief.title, f.shown.sectionTitle, f.proposals.main.title],
  },
  {
    name: 'public brief, version 1',
    as: 'anonymous',
    url: (f) => `/contributions/${f.brief.slug}/versions/1`,
    texts: (f) => [f.brief.title],
  },
  {
    name: 'brief comparison page',
    as: 'anonymous',
    url: (f) => `/contributions/${f.brief.slug}/comparer?de=1&a=2`,
    texts: (f) => [f.shown.sectionTitle, f.proposals.main.title],
  },
  {
    name: 'duplicates cluster page',
    as: 'moderator',
    url: (f) => `/regroupements/${f.clusterId}`,
    texts: (f) => [f.proposals.lead.title, f.proposals.merged.title, f.shown.mergeReason],
  },
];

/** Whether some input or textarea of the page holds exactly this value. */
const hasFieldValue = (page: Page, value: string) =>
  page.evaluate(
    (expected) =>
      Array.from(
        document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
      ).some((field) => field.value === expected),
    value,
  );

for (const pageCase of PAGES) {
  test(`${pageCase.name}: stored payloads stay text`, async ({ page }) => {
    const f = readFixture(test.info());
    const watch = await watchPage(page);
    if (pageCase.as in STAFF) await signIn(page.request, STAFF[pageCase.as as keyof typeof STAFF]);
    else if (pageCase.as !== 'anonymous') {
      const { email, password } = f.accounts[pageCase.as as keyof Fixture['accounts']];
      await signIn(page.request, { email, password });
    }
    await page.goto(pageCase.url(f));
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    for (const text of pageCase.texts(f)) {
      await expect(page.getByText(text).first(), text).toBeVisible();
    }
    for (const text of pageCase.inPage?.(f) ?? []) {
      await expect(page.getByText(text).first(), text).toBeAttached();
    }
    for (const value of pageCase.values?.(f) ?? []) {
      await expect.poll(() => hasFieldValue(page, value), value).toBe(true);
    }
    expect(await watch.findings(), `${pageCase.name} after loading`).toEqual([]);
    if (pageCase.then) {
      await pageCase.then(page, f);
      expect(await watch.findings(), `${pageCase.name} after interacting`).toEqual([]);
    }
  });
}

test('brief exports and open data holding the payloads are downloads, never HTML', async ({
  request,
}) => {
  const f = readFixture(test.info());
  const downloads = [
    ...['md', 'pdf', 'docx'].map((format) => `/api/briefs/${f.brief.slug}/export.${format}`),
    ...['proposals.csv', 'proposals.json', 'comments.csv', 'comments.json'].map(
      (file) => `/api/open-data/consultations/${f.consultation.slug}/${file}`,
    ),
  ];
  for (const url of downloads) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    const headers = response.headers();
    // Types a browser would render as a document (and run scripts in).
    expect(headers['content-type'], url).not.toMatch(
      /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|(text|application)\/xml)\b/i,
    );
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['content-disposition'], url).toMatch(/^attachment;/);
  }
  // The Markdown export escapes the raw HTML people wrote: opened in a Markdown viewer that
  // renders HTML, no tag appears (autolinks `<https://…>` are the export's own links).
  const markdown = await (await request.get(`/api/briefs/${f.brief.slug}/export.md`)).text();
  expect(markdown).toContain(f.brief.title.replace(/[<>_]/g, (c) => `\\${c}`));
  expect(markdown.match(/(?<!\\)<(?!https?:\/\/)[a-z/!?]/gi) ?? []).toEqual([]);
});

test('the page watch itself sees injected markup, dialogs and CSP violations (control)', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  expect(await watch.findings()).toEqual([]);
  await page.evaluate((sentinel) => {
    const div = document.createElement('div');
    div.innerHTML =
      `<img src=x data-xss onerror="window.__xss='control'">` +
      `<a href="jav&#x09;ascript:void(0)">a</a><iframe srcdoc="x"></iframe>`;
    document.body.append(div);
    // A second "server state" (as if a payload had ended the first and written its own) and a
    // script of another type, each holding the payload's sentinel.
    for (const type of ['application/json', 'text/plain']) {
      const script = document.createElement('script');
      script.type = type;
      script.id = 'server-state';
      script.textContent = JSON.stringify({ title: sentinel });
      document.body.append(script);
    }
    window.alert('control');
  }, SENTINEL);
  await expect
    .poll(() => watch.findings())
    .toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dialog opened \(alert\): control/),
        expect.stringMatching(/^CSP violation: script-src-attr blocked inline/),
        expect.stringMatching(/^injected element: <img/),
        expect.stringMatching(/^event-handler attribute onerror/),
        expect.stringMatching(/^href with scheme javascript:/),
        expect.stringMatching(/^<iframe> element/),
        expect.stringMatching(/^srcdoc attribute/),
        expect.stringMatching(/^<script> with the payload: <script type="application\/json"/),
        expect.stringMatching(/^<script> with the payload: <script type="text\/plain"/),
      ]),
    );
});
