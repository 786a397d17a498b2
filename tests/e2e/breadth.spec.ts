import { randomUUID } from 'node:crypto';
import { expect, request, test } from './support/test';
import { ADMIN, graphql, signIn, signUp, submitProposal } from './support/api';
import { newParticipant } from './support/helpers';

const CAST_VOTE = `mutation ($input: CastVoteInput!) { castVote(input: $input) { id } }`;
const UPDATE = `mutation ($input: UpdateConsultationInput!) { updateConsultation(input: $input) { id } }`;

test('the broad support filter lists only badged proposals, and the proposal page shows the figures per collège', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const key = randomUUID().slice(0, 8);
  const word = `coopbreadth${key}`;
  const text = (title: string) => ({
    title: `${title} ${word}`,
    summary: 'Une proposition pour tester le soutien entre collèges, sur les circuits courts.',
    body: 'Les épiceries solidaires et les SCIC alimentaires mutualisent leurs achats auprès des producteurs locaux. '.repeat(
      2,
    ),
  });

  // An author publishes two proposals in the demo consultation (open for proposals and votes).
  const author = await request.newContext({ baseURL });
  await signUp(author, newParticipant(), 'ESS_ENTERPRISE');
  const backed = await submitProposal(author, text('Groupement d’achats en circuits courts'));
  const opposed = await submitProposal(author, text('Centrale d’achat unique nationale'));
  const { proposal } = await graphql<{ proposal: { consultation: { id: string } } }>(
    author,
    `
      query ($id: ID!) {
        proposal(id: $id) {
          consultation {
            id
          }
        }
      }
    `,
    { id: backed },
  );
  await author.dispose();

  // Thresholds small enough for a handful of voters: 2 collèges, 2 votes each, 60 % FOR.
  const admin = await request.newContext({ baseURL });
  await signIn(admin, ADMIN);
  await graphql(admin, UPDATE, {
    input: {
      consultationId: proposal.consultation.id,
      settings: { collegeThresholds: { minForShare: 0.6, minColleges: 2, minVotesPerCollege: 2 } },
    },
  });
  await admin.dispose();

  // Two citizens and two associations: FOR the first proposal, AGAINST the second.
  for (const actorType of ['CITIZEN', 'CITIZEN', 'ASSOCIATION', 'ASSOCIATION']) {
    const voter = await request.newContext({ baseURL });
    await signUp(voter, newParticipant(), actorType);
    await graphql(voter, CAST_VOTE, { input: { proposalId: backed, value: 'FOR' } });
    await graphql(voter, CAST_VOTE, { input: { proposalId: opposed, value: 'AGAINST' } });
    await voter.dispose();
  }

  await page.goto(`/propositions?q=${word}`);
  const cards = page.getByRole('region', { name: /^Résultats/ }).getByRole('article');
  // A loaded machine (2 cores shared with builds) may take a while for the first page.
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  await expect(cards).toHaveCount(2);
  const badges = page.getByTestId('broad-support-badge');
  await expect(badges).toHaveCount(1);
  await expect(badges.first()).toHaveText('Soutien large : 2 collèges sur 7 ≥ 60 %');

  const filter = page.getByRole('switch', { name: /^Large soutien entre collèges/ });
  await filter.click();
  await expect(page).toHaveURL(/soutien-large=1/);
  await expect(filter).toBeChecked();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Groupement d’achats en circuits courts');
  await expect(cards.first().getByTestId('broad-support-badge')).toBeVisible();

  // Without a search, every listed proposal under the filter carries the badge.
  await page.goto('/propositions?soutien-large=1');
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  const listed = await cards.count();
  await expect(cards.getByTestId('broad-support-badge')).toHaveCount(listed);

  await page.goto(`/propositions/${backed}`);
  await expect(
    page.getByRole('banner').or(page.locator('header')).getByTestId('broad-support-badge'),
  ).toHaveText('Soutien large : 2 collèges sur 7 ≥ 60 %');
  const table = page.getByRole('table', { name: /Avis par collège/ });
  const citizens = table.getByRole('row', { name: /Citoyen/ });
  await expect(citizens.getByRole('cell')).toHaveText([
    '2 (100 %)',
    '0 (0 %)',
    '0 (0 %)',
    '2',
    '100 %',
    'Oui',
  ]);
});
