// Demo reports: the demo moderator's queue holds something to examine — a proposal reported as a
// possible duplicate, a comment reported as off topic and the pending demo amendment reported
// for personal data — each under the consultation's threshold, so nothing is hidden. Idempotent
// (skipped when the first report exists) and deterministic (demoId keys, dates before `now`).
import type { PrismaClient } from '../../apps/api/src/generated/prisma/client';
import { reportOpenKey } from '../../libs/domain/src/moderation/moderation';

type DemoId = (key: string) => string;

const HOUR = 3_600_000;

interface DemoReport {
  key: string;
  reporter: string;
  reason: 'DUPLICATE' | 'OFF_TOPIC' | 'PERSONAL_DATA';
  details: string;
  hoursAgo: number;
  target:
    | { type: 'PROPOSAL'; proposal: string }
    | { type: 'COMMENT'; proposal: string }
    | { type: 'AMENDMENT'; amendment: string };
}

const REPORTS: readonly DemoReport[] = [
  {
    key: 'monnaie-locale-doublon',
    reporter: 'hugo',
    reason: 'DUPLICATE',
    details:
      'Très proche d’une autre proposition sur les monnaies locales : peut-être à regrouper avec elle.',
    hoursAgo: 30,
    target: { type: 'PROPOSAL', proposal: 'monnaie-locale-services-publics' },
  },
  {
    key: 'cantines-commentaire-hors-sujet',
    reporter: 'karim',
    reason: 'OFF_TOPIC',
    details: 'Le commentaire parle d’autre chose que des cantines.',
    hoursAgo: 20,
    target: { type: 'COMMENT', proposal: 'cantines-bio-en-regie' },
  },
  {
    key: 'ressourceries-amendement-donnees',
    reporter: 'marc',
    reason: 'PERSONAL_DATA',
    details: 'La motivation nomme peut-être une personne : à vérifier.',
    hoursAgo: 6,
    target: { type: 'AMENDMENT', amendment: 'reparation-ressourceries' },
  },
];

export async function seedDemoReports(
  prisma: PrismaClient,
  demoId: DemoId,
  { now = new Date(), log = console.log }: { now?: Date; log?: (line: string) => void } = {},
): Promise<void> {
  const reportId = (key: string) => demoId(`report:${key}`);
  if (
    await prisma.report.findUnique({
      where: { id: reportId(REPORTS[0].key) },
      select: { id: true },
    })
  ) {
    log('Demo reports present');
    return;
  }
  // Each target and its author; a target missing (a database changed since) is skipped.
  const targets = await Promise.all(
    REPORTS.map(async ({ target }) => {
      if (target.type === 'PROPOSAL') {
        return prisma.proposal.findUnique({
          where: { id: demoId(`proposal:${target.proposal}`) },
          select: { id: true, authorId: true },
        });
      }
      if (target.type === 'COMMENT') {
        // The proposal's first comment still shown.
        return prisma.comment.findFirst({
          where: {
            proposalId: demoId(`proposal:${target.proposal}`),
            deletedAt: null,
            hiddenAt: null,
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true, authorId: true },
        });
      }
      return prisma.amendment.findFirst({
        where: { id: demoId(`amendment:${target.amendment}`), status: 'PENDING', hiddenAt: null },
        select: { id: true, authorId: true },
      });
    }),
  );
  const reports = REPORTS.flatMap((report, index) => {
    const target = targets[index];
    const reporterId = demoId(`user:${report.reporter}`);
    // Nobody reports their own content.
    if (!target || target.authorId === reporterId) return [];
    return [{ report, target, reporterId }];
  });
  await prisma.$transaction(async (tx) => {
    for (const { report, target, reporterId } of reports) {
      await tx.report.create({
        data: {
          id: reportId(report.key),
          targetType: report.target.type,
          targetId: target.id,
          reporterId,
          reason: report.reason,
          details: report.details,
          openKey: reportOpenKey(reporterId, report.target.type, target.id),
          createdAt: new Date(now.getTime() - report.hoursAgo * HOUR),
        },
      });
      const counted = { where: { id: target.id }, data: { openReportsCount: { increment: 1 } } };
      if (report.target.type === 'PROPOSAL') await tx.proposal.update(counted);
      else if (report.target.type === 'COMMENT') await tx.comment.update(counted);
      else await tx.amendment.update(counted);
    }
  });
  log(`Demo reports: ${reports.length} open reports in the moderation queue`);
}
