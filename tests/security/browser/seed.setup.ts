// Stores the XSS corpus straight through the GraphQL API (no web form), in every user-written
// field, then writes down where it went (xss-fixture.json) for xss.spec.ts.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { expect, request, test as setup, type APIRequestContext } from '@playwright/test';
import { ADMIN, graphql, MODERATOR, signIn, signUp } from '../../e2e/support/api';
import { CURATOR } from '../../e2e/support/briefs';
import { type Fixture, fixturePath } from './fixture';
import { LITERAL_PAYLOADS, markdownBatches, NAME_PAYLOADS, oneLine, PAYLOADS } from './payloads';

/** A word no demo text contains: searching it finds the payload proposals. */
const WORD = 'Zorglub';
/** One payload per proposal title (the title shows on most pages). */
const TITLE_PAYLOADS = ['s01', 'e01', 'a01', 'u01', 't01', 'j11', 'c03', 'f01'];

const id = <T extends Record<string, { id: string }>>(data: T) => Object.values(data)[0].id;

setup('the corpus is stored through the API in every user-written field', async ({ baseURL }) => {
  setup.setTimeout(120_000);
  const key = randomUUID().slice(0, 8);
  const contexts: APIRequestContext[] = [];
  const context = async () => {
    const created = await request.newContext({ baseURL });
    contexts.push(created);
    return created;
  };
  const account = (role: string, displayName: string) => ({
    email: `xss-${role}-${key}@example.org`,
    password: `Passerelle-${key}-xss`,
    displayName,
  });
  const accounts = {
    author: account('author', NAME_PAYLOADS.author),
    commenter: account('commenter', NAME_PAYLOADS.commenter),
    reporter: account('reporter', NAME_PAYLOADS.reporter),
    suspended: account('suspended', NAME_PAYLOADS.suspended),
    watcher: account('watcher', `Veilleur ${key}`),
  };
  try {
    const admin = await context();
    const moderator = await context();
    const curator = await context();
    await signIn(admin, ADMIN);
    await signIn(moderator, MODERATOR);
    await signIn(curator, CURATOR);
    const participants = Object.fromEntries(
      await Promise.all(
        Object.entries(accounts).map(async ([role, person]) => {
          const api = await context();
          await signUp(api, person);
          return [role, api] as const;
        }),
      ),
    ) as Record<keyof typeof accounts, APIRequestContext>;

    // Administrator: a consultation (title, description) open for proposals.
    const { consultations } = await graphql<{
      consultations: { id: string; slug: string; openPhases: string[]; themes: { id: string }[] }[];
    }>(admin, '{ consultations { id slug openPhases themes { id } } }');
    // The demo consultation (not one an earlier run against a reused server created).
    const demoConsultation = consultations.find(
      (c) => c.openPhases.includes('PROPOSING') && !c.slug.startsWith('xss-'),
    );
    expect(demoConsultation).toBeDefined();
    const consultation = {
      slug: `xss-${key}`,
      title: oneLine('e02', 140, 'Consultation'),
      description: markdownBatches(10_000, '', 40)[0],
    };
    const day = 24 * 3600 * 1000;
    const consultationId = id(
      await graphql<{ createConsultation: { id: string } }>(
        admin,
        `
          mutation C($input: CreateConsultationInput!) {
            createConsultation(input: $input) {
              id
            }
          }
        `,
        {
          input: {
            ...consultation,
            themeIds: [demoConsultation?.themes[0].id],
            phases: [
              {
                kind: 'PROPOSING',
                startsAt: new Date(Date.now() - day).toISOString(),
                endsAt: new Date(Date.now() + 30 * day).toISOString(),
              },
            ],
          },
        },
      ),
    );

    // Author: an organisation, then proposals (every text field) posted for it.
    const { author } = participants;
    const organisation = { name: oneLine('a03', 120, 'Coopérative') };
    const organisationId = id(
      await graphql<{ createOrganisation: { id: string } }>(
        author,
        `
          mutation O($input: CreateOrganisationInput!) {
            createOrganisation(input: $input) {
              id
            }
          }
        `,
        { input: { ...organisation, actorType: 'ASSOCIATION', territoryId: 'COMMUNE-69123' } },
      ),
    );
    const submit = async (input: Record<string, unknown>) =>
      id(
        await graphql<{ submitProposal: { id: string } }>(
          author,
          `
            mutation S($input: SubmitProposalInput!) {
              submitProposal(input: $input) {
                id
              }
            }
          `,
          { input },
        ),
      );
    // Explicitly in the demo consultation: the payload consultation is open for proposals too.
    const place = {
      themeIds: [demoConsultation?.themes[0].id],
      territoryId: 'COMMUNE-69123',
      competentLevel: 'COMMUNE',
      lever: 'BUDGET',
    };
    const common = { consultationId: demoConsultation?.id, ...place };
    const fullBody = markdownBatches(20_000, `${WORD}\n\n`)[0];
    const proposals: { id: string; title: string }[] = [];
    for (const [index, payloadId] of TITLE_PAYLOADS.entries()) {
      const title = oneLine(payloadId, 140, WORD);
      const text = PAYLOADS.find((p) => p.id === payloadId)?.text ?? '';
      const base = {
        ...common,
        title,
        summary:
          index === 0
            ? LITERAL_PAYLOADS.map((p) => p.text)
                .join(' ')
                .slice(0, 500)
                .trim()
            : `Résumé ${text}`,
        body:
          index === 0 ? fullBody : `${WORD} ${text}\n\nUne proposition pour tester l’échappement.`,
      };
      const input = {
        ...base,
        ...(index === 0
          ? {
              organisationId,
              experiment: markdownBatches(2_000)[0],
              measuredImpact: markdownBatches(2_000)[1],
            }
          : {}),
        ...(index === TITLE_PAYLOADS.length - 1
          ? { consultationId, themeIds: [demoConsultation?.themes[0].id] }
          : {}),
      };
      proposals.push({ id: await submit(input), title });
    }
    const [main, reported, hidden, answered, lead, merged, withdrawn] = proposals;

    // The author edits the main proposal: the history keeps the first body.
    const { proposal: current } = await graphql<{
      proposal: { version: number };
    }>(
      author,
      `
        query V($id: ID!) {
          proposal(id: $id) {
            version
          }
        }
      `,
      { id: main.id },
    );
    const experiment = markdownBatches(2_000, '', 35)[0];
    const edited = {
      ...place,
      title: main.title,
      summary: `Résumé modifié ${PAYLOADS[1].text}`,
      body: markdownBatches(20_000, `${WORD} (version 2)\n\n`)[0],
    };
    await graphql(
      author,
      `
        mutation U($input: UpdateProposalInput!) {
          updateProposal(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          proposalId: main.id,
          expectedVersion: current.version,
          ...edited,
          experiment,
          measuredImpact: markdownBatches(2_000, '', 45)[0],
        },
      },
    );
    const withdrawReason = markdownBatches(1_000, '', 20)[0];
    await graphql(
      author,
      `
        mutation W($input: WithdrawProposalInput!) {
          withdrawProposal(input: $input) {
            id
          }
        }
      `,
      { input: { proposalId: withdrawn.id, reason: withdrawReason } },
    );

    // A watcher follows the main proposal: the commenter's name and words reach their notifications.
    await graphql(
      participants.watcher,
      `
        mutation F($id: ID!) {
          followProposal(proposalId: $id) {
            id
          }
        }
      `,
      { id: main.id },
    );

    // Commenter: the corpus in comments and a reply, plus one comment shown word for word.
    const comment = async (proposalId: string, body: string, parentId?: string) =>
      id(
        await graphql<{ addComment: { id: string } }>(
          participants.commenter,
          `
            mutation A($input: AddCommentInput!) {
              addComment(input: $input) {
                id
              }
            }
          `,
          { input: { proposalId, body, parentId, stance: 'FOR' } },
        ),
      );
    const literalComment = LITERAL_PAYLOADS.map((p) => p.text).join('\n\n');
    const literalCommentId = await comment(main.id, literalComment);
    const commentIds: string[] = [];
    for (const batch of markdownBatches(5_000)) commentIds.push(await comment(main.id, batch));
    const replyId = await comment(main.id, PAYLOADS[6].text, commentIds[0]);
    await comment(reported.id, PAYLOADS[0].text);

    // Reporter: details on a proposal, a comment and an account.
    const details = markdownBatches(1_000, '', 5);
    const report = (targetType: string, targetId: string, text: string) =>
      graphql(
        participants.reporter,
        `
          mutation R($input: ReportContentInput!) {
            reportContent(input: $input) {
              id
            }
          }
        `,
        { input: { targetType, targetId, reason: 'OTHER', details: text } },
      );
    await report('PROPOSAL', reported.id, details[0]);
    await report('COMMENT', commentIds[0], details[1]);
    const { me: authorMe } = await graphql<{ me: { id: string } }>(author, '{ me { id } }');
    await report('USER', authorMe.id, details[2]);

    // Moderator: decisions, an official answer, a merge and a suspension, each with a reason.
    const reasons = markdownBatches(1_000, '', 12);
    const decide = (mutation: string, targetType: string, targetId: string, reason: string) =>
      graphql(
        moderator,
        `mutation D($input: ModerationDecisionInput!) { ${mutation}(input: $input) { targetId } }`,
        { input: { targetType, targetId, reason } },
      );
    await decide('hideContent', 'PROPOSAL', hidden.id, reasons[0]);
    await decide('hideContent', 'COMMENT', replyId, reasons[1]);
    const answer = markdownBatches(5_000, '', 25)[0];
    await graphql(
      moderator,
      `
        mutation An($input: AnswerProposalInput!) {
          answerProposal(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          proposalId: answered.id,
          status: 'UNDER_REVIEW',
          answer,
        },
      },
    );
    const clusterId = id(
      await graphql<{ mergeProposals: { id: string } }>(
        moderator,
        `
          mutation M($input: MergeProposalsInput!) {
            mergeProposals(input: $input) {
              id
            }
          }
        `,
        { input: { leadProposalId: lead.id, proposalIds: [merged.id], reason: reasons[2] } },
      ),
    );
    const { me: suspendedMe } = await graphql<{ me: { id: string } }>(
      participants.suspended,
      '{ me { id } }',
    );
    await graphql(
      moderator,
      `
        mutation Su($input: SuspendUserInput!) {
          suspendUser(input: $input) {
            id
          }
        }
      `,
      { input: { userId: suspendedMe.id, durationDays: 3, reason: reasons[3] } },
    );

    // Curator: a brief with every text field, published twice (for the comparison page).
    const brief = {
      slug: `xss-${key}`,
      title: oneLine('s06', 200, 'Contribution'),
    };
    const { createBrief } = await graphql<{ createBrief: { id: string; revision: number } }>(
      curator,
      `
        mutation CB($input: CreateBriefInput!) {
          createBrief(input: $input) {
            id
            revision
          }
        }
      `,
      {
        input: {
          ...brief,
          consultationIds: [demoConsultation?.id],
          introduction: markdownBatches(20_000)[0],
        },
      },
    );
    let revision = createBrief.revision;
    const step = async (operation: string, input: string, extra: Record<string, unknown>) => {
      const data = await graphql<Record<string, { revision?: number }>>(
        curator,
        `mutation B($input: ${input}!) { ${operation}(input: $input) { __typename ${
          operation === 'publishBrief' ? '' : 'revision'
        } } }`,
        { input: { briefId: createBrief.id, expectedRevision: revision, ...extra } },
      );
      revision = data[operation].revision ?? revision + 1;
    };
    // Every synthesis paragraph needs a source marker: one-line payloads, one per paragraph.
    const synthesis = (offset: number) =>
      PAYLOADS.filter((p) => !p.text.includes('\n'))
        .slice(offset)
        .map((p) => `${p.id} ${p.text} [1]`)
        .join('\n\n');
    const sections = (version: number) => [
      {
        title: oneLine(version === 1 ? 'e05' : 'v01', 200, 'Section'),
        synthesis: synthesis(version - 1),
        dissentNote: markdownBatches(5_000, '', 30)[0],
        citations: [
          { proposalId: main.id, quote: main.title },
          { commentId: literalCommentId, quote: LITERAL_PAYLOADS[1].text },
        ],
      },
      ...(version === 2
        ? [
            {
              title: oneLine('a01', 200, 'Section'),
              synthesis: `${PAYLOADS[8].text} [1]`,
              dissentNote: PAYLOADS[9].text,
              citations: [{ commentId: literalCommentId, quote: LITERAL_PAYLOADS[0].text }],
            },
          ]
        : []),
    ];
    for (const version of [1, 2]) {
      await step('updateBrief', 'UpdateBriefInput', { sections: sections(version) });
      await step('submitBriefForReview', 'BriefTransitionInput', {});
      await step('publishBrief', 'BriefTransitionInput', {});
    }

    const firstLine = (text: string) => text.split('\n')[0];
    const fixture: Fixture = {
      key,
      word: WORD,
      accounts,
      consultation: { id: consultationId, ...consultation },
      organisation: { id: organisationId, ...organisation },
      proposals: { main, reported, hidden, answered, lead, merged, withdrawn, other: proposals[7] },
      literalComment,
      shown: {
        description: firstLine(consultation.description),
        experiment: firstLine(experiment),
        withdrawReason: firstLine(withdrawReason),
        reportDetails: firstLine(details[0]),
        hideReason: firstLine(reasons[0]),
        mergeReason: firstLine(reasons[2]),
        suspendReason: firstLine(reasons[3]),
        answer: firstLine(answer),
        sectionTitle: sections(2)[1].title,
      },
      clusterId,
      brief: { id: createBrief.id, ...brief },
    };
    writeFileSync(fixturePath(setup.info()), JSON.stringify(fixture, null, 2));
  } finally {
    await Promise.all(contexts.map((created) => created.dispose()));
  }
});
