import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, request, type Page } from '@playwright/test';
import { reportContent, signUp } from './api';

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(blocking, `axe violations on ${label} (${page.url()})`).toEqual([]);
}

/** True when nothing sticks out sideways (no horizontal scrollbar). */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    widest: [...document.querySelectorAll<HTMLElement>('body *')]
      .filter(
        (element) =>
          element.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
      )
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  }));
  expect(
    sizes.scrollWidth,
    `horizontal overflow on ${label}: ${sizes.widest.join(', ')}`,
  ).toBeLessThanOrEqual(sizes.clientWidth);
}

/** Saves a full-page screenshot when E2E_SCREENSHOTS_DIR is set (design review). */
export async function screenshotIfAsked(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

export interface Participant {
  email: string;
  password: string;
  displayName: string;
}

/** A participant no other run has used. */
export function newParticipant(): Participant {
  const key = randomUUID().slice(0, 8);
  return {
    email: `e2e-${Date.now()}-${key}@example.org`,
    password: `Passerelle-${key}-2026`,
    displayName: `Camille Test ${key}`,
  };
}

/**
 * Creates and signs in a participant through the real API: the page's request context shares the
 * browser's cookie jar, so the session cookies it receives sign the page in.
 */
export async function signUpThroughApi(
  page: Page,
  participant = newParticipant(),
): Promise<Participant> {
  await signUp(page.request, participant);
  return participant;
}

/** A newly signed-up participant reports a content through the real API. */
export async function reportAsNewParticipant(
  baseURL: string | undefined,
  input: Parameters<typeof reportContent>[1],
): Promise<void> {
  const reporter = await request.newContext({ baseURL });
  await signUp(reporter, newParticipant());
  await reportContent(reporter, input);
  await reporter.dispose();
}

/** Picks a territory in the autocomplete by typing and choosing the suggestion. */
export async function chooseTerritory(
  page: Page,
  search: string,
  option: string | RegExp,
): Promise<void> {
  const input = page.getByRole('combobox', { name: /^Territoire/ });
  await input.fill(search);
  // Content appearing above the field while it is typed in (e.g. the similar-proposals notice
  // on the submission form) can push it out of view, and the dropdown hides with it: bring the
  // field back into view until the suggestion can be chosen.
  await expect(async () => {
    await input.scrollIntoViewIfNeeded();
    await page.getByRole('option', { name: option }).first().click({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
  await expect(input).toHaveValue(typeof option === 'string' ? option : /.+/);
}

/** The proposal cards of the home page's "Dernières propositions" list. */
export function latestProposals(page: Page) {
  return page
    .getByRole('region', { name: /^(Dernières propositions|Latest proposals)$/ })
    .getByRole('article');
}
