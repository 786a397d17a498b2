import {
  ACTOR_TYPE_LABELS_FR,
  briefExportFileName,
  briefToMarkdown,
  buildBriefExport,
  type BriefExportDocument,
  figuresText,
  isBriefExportFormat,
  markdownParagraphs,
  provenanceText,
  runsText,
} from './export';
import { type BriefSnapshot, type FrozenVoteFigures } from './snapshot';

const figures = (votes: [number, number, number]): FrozenVoteFigures => ({
  votesFor: votes[0],
  votesAgainst: votes[1],
  votesNeutral: votes[2],
  colleges: [
    { actorType: 'CITIZEN', votesFor: votes[0], votesAgainst: 0, votesNeutral: 0 },
    { actorType: 'SME', votesFor: 0, votesAgainst: votes[1], votesNeutral: votes[2] },
  ],
});

const snapshot = (): BriefSnapshot => ({
  schemaVersion: 3,
  title: 'Énergie citoyenne et circuits courts',
  introduction: 'Une contribution **nationale** issue des territoires.',
  introductionHtml: '<p>…</p>',
  sections: [
    {
      position: 0,
      title: 'Énergie citoyenne',
      synthesis:
        'Les participants demandent une **tarification solidaire** [1].\n\nLes SCIC portent les projets [2] [3].',
      synthesisHtml: '<p>…</p>',
      dissentNote: 'Certains craignent les coûts.\n\nD’autres préfèrent les régies.',
      citations: [
        {
          position: 0,
          proposalId: 'p1',
          commentId: null,
          quote: 'tarif social',
          sourceProposalId: 'p1',
          proposalTitle: 'Un tarif social de l’énergie',
          figures: figures([3, 1, 2]),
        },
        {
          position: 1,
          proposalId: null,
          commentId: 'c1',
          quote: null,
          sourceProposalId: 'p2',
          proposalTitle: 'Des SCIC d’énergie',
          figures: null,
        },
      ],
    },
    {
      position: 1,
      title: 'Circuits courts',
      synthesis: 'Des marchés de producteurs [1].',
      synthesisHtml: '<p>…</p>',
      dissentNote: '',
      citations: [
        {
          position: 0,
          proposalId: 'p2',
          commentId: null,
          quote: null,
          sourceProposalId: 'p2',
          proposalTitle: 'Des SCIC d’énergie',
          figures: figures([5, 0, 0]),
        },
      ],
    },
  ],
  proposals: [
    {
      id: 'p1',
      title: 'Un tarif social de l’énergie',
      territoryName: 'Lyon',
      authorActorType: 'ASSOCIATION',
      figures: figures([3, 1, 2]),
    },
    {
      id: 'p2',
      title: 'Des SCIC d’énergie | locales',
      territoryName: 'Rennes',
      authorActorType: 'PTCE',
      figures: figures([5, 0, 0]),
      provenance: {
        consultationId: 'k2',
        consultationTitle: 'Énergie en Ille-et-Vilaine',
        consultationSlug: 'energie-35',
        scope: 'LOCAL',
        territoryName: 'Ille-et-Vilaine',
        organisationName: 'PTCE Rennes',
      },
      experimentIds: ['e1'],
    },
  ],
  experiments: [
    {
      id: 'e1',
      name: 'Centrale solaire citoyenne',
      organisationName: 'PTCE Rennes',
      proposalIds: ['p2'],
      figures: [
        {
          indicatorName: 'Énergie produite',
          unit: 'KWH',
          baseline: null,
          value: 12500,
          measuredOn: '2026-03-01',
          source: 'Rapport annuel',
          sourceUrl: 'https://ptce.example.fr/rapport?p=<1>',
        },
        {
          indicatorName: 'Emplois créés',
          unit: 'FTE',
          baseline: 0,
          value: null,
          measuredOn: null,
          source: null,
          sourceUrl: null,
        },
      ],
    },
  ],
});

const context = {
  slug: 'energie-citoyenne',
  number: 2,
  publishedAt: new Date('2026-11-25T23:30:00Z'),
  baseUrl: 'https://passerelle.example.fr/',
};

const noSources = { baseUrl: 'https://site.fr', sourceUrl: () => undefined };

describe('buildBriefExport', () => {
  const document = buildBriefExport(snapshot(), context);

  it('titles the document with its version line in French (Paris date) and its public URL', () => {
    expect(document.title).toBe('Énergie citoyenne et circuits courts');
    expect(document.versionLine).toBe('Version 2 — publiée le 26 novembre 2026');
    expect(document.url).toBe(
      'https://passerelle.example.fr/contributions/energie-citoyenne/versions/2',
    );
    expect(document.introduction).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Une contribution ' },
          { text: 'nationale', bold: true },
          { text: ' issue des territoires.' },
        ],
      },
    ]);
  });

  it('links each [n] marker to the URL of the section’s n-th source', () => {
    const [first, second] = document.sections;
    expect(first?.heading).toBe('Section 1 — Énergie citoyenne');
    expect(first?.paragraphs).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Les participants demandent une ' },
          { text: 'tarification solidaire', bold: true },
          { text: ' ' },
          { text: '[1]', href: 'https://passerelle.example.fr/propositions/p1' },
          { text: '.' },
        ],
      },
      {
        kind: 'paragraph',
        runs: [
          { text: 'Les SCIC portent les projets ' },
          { text: '[2]', href: 'https://passerelle.example.fr/propositions/p2#commentaire-c1' },
          { text: ' ' },
          // No third source: the marker stays as text.
          { text: '[3]' },
          { text: '.' },
        ],
      },
    ]);
    expect(second?.number).toBe(2);
    expect(second?.paragraphs[0]?.runs[1]?.href).toBe(
      'https://passerelle.example.fr/propositions/p2',
    );
  });

  it('lists the numbered sources with quotes and, for proposals, the votes at publication', () => {
    const [first] = document.sections;
    expect(first?.sources).toEqual([
      {
        number: 1,
        kind: 'proposal',
        label: 'Proposition : Un tarif social de l’énergie',
        url: 'https://passerelle.example.fr/propositions/p1',
        quote: 'tarif social',
        figures: { votesFor: 3, votesAgainst: 1, votesNeutral: 2 },
        colleges: [
          { college: 'Citoyen ou citoyenne', votesFor: 3, votesAgainst: 0, votesNeutral: 0 },
          { college: 'TPE ou PME', votesFor: 0, votesAgainst: 1, votesNeutral: 2 },
        ],
      },
      {
        number: 2,
        kind: 'comment',
        label: 'Commentaire sur la proposition : Des SCIC d’énergie',
        url: 'https://passerelle.example.fr/propositions/p2#commentaire-c1',
        quote: null,
        figures: null,
        colleges: [],
      },
    ]);
    expect(first?.dissent).toEqual([
      'Certains craignent les coûts.',
      'D’autres préfèrent les régies.',
    ]);
    expect(document.sections[1]?.dissent).toEqual([]);
  });

  it('builds the annex with French collège names and the figures at publication', () => {
    expect(document.annex).toEqual([
      {
        title: 'Un tarif social de l’énergie',
        territoryName: 'Lyon',
        college: 'Association',
        votesFor: 3,
        votesAgainst: 1,
        votesNeutral: 2,
        url: 'https://passerelle.example.fr/propositions/p1',
        provenance: null,
      },
      {
        title: 'Des SCIC d’énergie | locales',
        territoryName: 'Rennes',
        college: 'Pôle territorial de coopération économique (PTCE)',
        votesFor: 5,
        votesAgainst: 0,
        votesNeutral: 0,
        url: 'https://passerelle.example.fr/propositions/p2',
        provenance:
          'Consultation locale « Énergie en Ille-et-Vilaine » — Ille-et-Vilaine — PTCE Rennes',
      },
    ]);
  });

  it('builds the experiments annex with the frozen figures in French units', () => {
    expect(document.experiments).toEqual([
      {
        name: 'Centrale solaire citoyenne',
        carrier: 'Portée par PTCE Rennes',
        url: 'https://passerelle.example.fr/experiences/e1',
        figures: [
          {
            indicator: 'Énergie produite',
            figure: '12\u202f500\u00a0kWh',
            detail: 'mesuré le 1 mars 2026 — source : Rapport annuel',
            sourceUrl: 'https://ptce.example.fr/rapport?p=%3C1%3E',
          },
          {
            indicator: 'Emplois créés',
            figure: 'aucun chiffre vérifié à la publication',
            detail: null,
            sourceUrl: null,
          },
        ],
      },
    ]);
  });

  it('leaves a figure without a source link without one', () => {
    const base = snapshot();
    const [experiment] = base.experiments ?? [];
    const [figure] = experiment?.figures ?? [];
    const withoutUrl = buildBriefExport(
      {
        ...base,
        experiments: [
          {
            ...(experiment as NonNullable<typeof experiment>),
            figures: [{ ...(figure as NonNullable<typeof figure>), sourceUrl: null }],
          },
        ],
      },
      context,
    );
    expect(withoutUrl.experiments[0]?.figures[0]).toMatchObject({
      figure: '12\u202f500\u00a0kWh',
      sourceUrl: null,
    });
  });

  it('reads a version 2 snapshot: no provenance and no experiments annex', () => {
    const v2 = buildBriefExport(
      { ...snapshot(), schemaVersion: 2, experiments: undefined },
      context,
    );
    expect(v2.experiments).toEqual([]);
    expect(briefToMarkdown(v2)).not.toContain('expérimentations');
  });

  it('names a national consultation, and a local one with what it has', () => {
    const base = {
      consultationId: 'k',
      consultationTitle: 'Cantines',
      consultationSlug: 'cantines',
      territoryName: null,
      organisationName: null,
    };
    expect(provenanceText({ ...base, scope: 'NATIONAL' })).toBe(
      'Consultation nationale « Cantines »',
    );
    expect(provenanceText({ ...base, scope: 'LOCAL', organisationName: 'PTCE' })).toBe(
      'Consultation locale « Cantines » — PTCE',
    );
  });

  it('leaves markers of the introduction as text: it has no sources', () => {
    const intro = buildBriefExport({ ...snapshot(), introduction: 'Voir [1].' }, context);
    expect(intro.introduction[0]?.runs).toEqual([
      { text: 'Voir ' },
      { text: '[1]' },
      { text: '.' },
    ]);
  });

  it('names every collège in French', () => {
    expect(Object.keys(ACTOR_TYPE_LABELS_FR)).toHaveLength(7);
    expect(ACTOR_TYPE_LABELS_FR.ESS_ENTERPRISE).toMatch(/^Entreprise de l’ESS/);
  });
});

describe('markdownParagraphs', () => {
  it('strips emphasis, code and quote markers and joins the lines of a paragraph', () => {
    const paragraphs = markdownParagraphs(
      '> Un *SCIC* et __une__ _coopérative_ `code`\n> sur deux lignes ***fort***',
      noSources,
    );
    expect(paragraphs).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Un ' },
          { text: 'SCIC', italic: true },
          { text: ' et ' },
          { text: 'une', bold: true },
          { text: ' ' },
          { text: 'coopérative', italic: true },
          { text: ' ' },
          { text: 'code' },
          { text: ' sur deux lignes ' },
          { text: 'fort', bold: true, italic: true },
        ],
      },
    ]);
  });

  it('keeps headings and list items as their own paragraphs', () => {
    const paragraphs = markdownParagraphs(
      '## Constats\nDu texte\n- premier [1]\n* second\n\n1. un\n2) deux\nsuite',
      { baseUrl: 'https://site.fr', sourceUrl: (n) => (n === 1 ? 'https://site.fr/p' : undefined) },
    );
    expect(paragraphs.map((p) => [p.kind, runsText(p.runs)])).toEqual([
      ['heading', 'Constats'],
      ['paragraph', 'Du texte'],
      ['listItem', '• premier [1]'],
      ['listItem', '• second'],
      ['listItem', '1. un'],
      ['listItem', '2. deux'],
      ['paragraph', 'suite'],
    ]);
    expect(paragraphs[2]?.runs[2]).toEqual({ text: '[1]', href: 'https://site.fr/p' });
  });

  it('makes links absolute and drops the target of links that are not http(s)', () => {
    const [paragraph] = markdownParagraphs(
      '[site](https://ess.fr) [page](/propositions/x) [mal](javascript:alert) [rel](//evil.fr) [1](https://x.fr)',
      noSources,
    );
    expect(paragraph?.runs.filter((run) => run.text.trim() !== '')).toEqual([
      { text: 'site', href: 'https://ess.fr' },
      { text: 'page', href: 'https://site.fr/propositions/x' },
      { text: 'mal' },
      { text: 'rel' },
      { text: '1', href: 'https://x.fr' },
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(markdownParagraphs('  \n\n ', noSources)).toEqual([]);
  });
});

describe('formats and names', () => {
  it('accepts md, pdf and docx only', () => {
    expect(['md', 'pdf', 'docx', 'xls', ''].map(isBriefExportFormat)).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('names the file <slug>-v<n>.<ext>', () => {
    expect(briefExportFileName('energie-citoyenne', 3, 'pdf')).toBe('energie-citoyenne-v3.pdf');
  });

  it('writes vote figures in French', () => {
    expect(figuresText({ votesFor: 1, votesAgainst: 2, votesNeutral: 0 })).toBe(
      '1 pour, 2 contre, 0 neutre',
    );
  });
});

describe('briefToMarkdown', () => {
  it('writes title, sections with linked markers, sources, dissent and the annex table', () => {
    const markdown = briefToMarkdown(buildBriefExport(snapshot(), context));
    expect(markdown).toBe(
      [
        '# Énergie citoyenne et circuits courts',
        '',
        '*Version 2 — publiée le 26 novembre 2026* — Version en ligne : <https://passerelle.example.fr/contributions/energie-citoyenne/versions/2>',
        '',
        'Une contribution **nationale** issue des territoires.',
        '',
        '## Section 1 — Énergie citoyenne',
        '',
        'Les participants demandent une **tarification solidaire** [\\[1\\]](https://passerelle.example.fr/propositions/p1).',
        '',
        'Les SCIC portent les projets [\\[2\\]](https://passerelle.example.fr/propositions/p2#commentaire-c1) \\[3\\].',
        '',
        '### Sources',
        '',
        '1. [Proposition : Un tarif social de l’énergie](https://passerelle.example.fr/propositions/p1)',
        '   > « tarif social »',
        '   - Votes à la publication : 3 pour, 1 contre, 2 neutre',
        '   - Citoyen ou citoyenne : 3 pour, 0 contre, 0 neutre',
        '   - TPE ou PME : 0 pour, 1 contre, 2 neutre',
        '2. [Commentaire sur la proposition : Des SCIC d’énergie](https://passerelle.example.fr/propositions/p2#commentaire-c1)',
        '',
        '### Avis divergents',
        '',
        'Certains craignent les coûts.',
        '',
        'D’autres préfèrent les régies.',
        '',
        '## Section 2 — Circuits courts',
        '',
        'Des marchés de producteurs [\\[1\\]](https://passerelle.example.fr/propositions/p2).',
        '',
        '### Sources',
        '',
        '1. [Proposition : Des SCIC d’énergie](https://passerelle.example.fr/propositions/p2)',
        '   - Votes à la publication : 5 pour, 0 contre, 0 neutre',
        '   - Citoyen ou citoyenne : 5 pour, 0 contre, 0 neutre',
        '   - TPE ou PME : 0 pour, 0 contre, 0 neutre',
        '',
        '## Annexe : propositions citées',
        '',
        'Chaque proposition citée, avec son territoire, le collège de son auteur ou autrice et les votes au moment de la publication.',
        '',
        '| Proposition | Territoire | Provenance | Collège de l’auteur ou autrice | Pour | Contre | Neutre | Lien |',
        '| --- | --- | --- | --- | ---: | ---: | ---: | --- |',
        '| Un tarif social de l’énergie | Lyon | — | Association | 3 | 1 | 2 | <https://passerelle.example.fr/propositions/p1> |',
        '| Des SCIC d’énergie \\| locales | Rennes | Consultation locale « Énergie en Ille-et-Vilaine » — Ille-et-Vilaine — PTCE Rennes | Pôle territorial de coopération économique (PTCE) | 5 | 0 | 0 | <https://passerelle.example.fr/propositions/p2> |',
        '',
        '## Annexe : expérimentations citées',
        '',
        'Les expérimentations sur lesquelles s’appuient les propositions citées, avec le dernier chiffre vérifié de chaque indicateur au moment de la publication.',
        '',
        '### [Centrale solaire citoyenne](https://passerelle.example.fr/experiences/e1)',
        '',
        '*Portée par PTCE Rennes*',
        '',
        '- Énergie produite : 12\u202f500\u00a0kWh (mesuré le 1 mars 2026 — source : Rapport annuel) <https://ptce.example.fr/rapport?p=%3C1%3E>',
        '- Emplois créés : aucun chiffre vérifié à la publication',
        '',
      ].join('\n'),
    );
  });

  it('keeps consecutive list items in one list, italic links, and says when nothing is cited', () => {
    const document: BriefExportDocument = {
      title: 'Vide',
      versionLine: 'Version 1 — publiée le 1 janvier 2026',
      url: 'https://site.fr/contributions/vide/versions/1',
      introduction: [],
      sections: [
        {
          number: 1,
          heading: 'Section 1 — Rien',
          paragraphs: [
            { kind: 'heading', runs: [{ text: 'Titre' }] },
            { kind: 'listItem', runs: [{ text: '• ' }, { text: 'a' }] },
            {
              kind: 'listItem',
              runs: [{ text: '2. ' }, { text: 'b', italic: true, href: 'https://x.fr' }],
            },
            { kind: 'listItem', runs: [] },
          ],
          sources: [],
          dissent: [],
        },
        { number: 2, heading: 'Section 2 — Vide', paragraphs: [], sources: [], dissent: [] },
      ],
      annex: [],
      experiments: [
        {
          name: 'Sans indicateur',
          carrier: 'Portée par X',
          url: 'https://site.fr/experiences/e',
          figures: [],
        },
      ],
    };
    expect(briefToMarkdown(document)).toBe(
      [
        '# Vide',
        '',
        '*Version 1 — publiée le 1 janvier 2026* — Version en ligne : <https://site.fr/contributions/vide/versions/1>',
        '',
        '## Section 1 — Rien',
        '',
        '**Titre**',
        '',
        '- a',
        '2. *[b](https://x.fr)*',
        '',
        '',
        '## Section 2 — Vide',
        '',
        '## Annexe : propositions citées',
        '',
        'Cette version ne cite aucune proposition.',
        '',
        '## Annexe : expérimentations citées',
        '',
        'Les expérimentations sur lesquelles s’appuient les propositions citées, avec le dernier chiffre vérifié de chaque indicateur au moment de la publication.',
        '',
        '### [Sans indicateur](https://site.fr/experiences/e)',
        '',
        '*Portée par X*',
        '',
      ].join('\n'),
    );
  });
});
