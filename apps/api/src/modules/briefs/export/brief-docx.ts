import {
  BRIEF_EXPORT_LABELS,
  type BriefExportDocument,
  type ExportParagraph,
  type ExportRun,
  type ExportSource,
  figuresText,
} from '@passerelle/domain';
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** A run as Word text; a run with a target becomes a hyperlink (Word's Hyperlink style). */
function runChild(run: ExportRun, extra: { size?: number; color?: string } = {}): ParagraphChild {
  const text = new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    size: extra.size,
    color: extra.color,
    style: run.href ? 'Hyperlink' : undefined,
  });
  return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
}

function paragraphOf(paragraph: ExportParagraph): Paragraph {
  if (paragraph.kind === 'heading') {
    return new Paragraph({
      heading: HeadingLevel.HEADING_4,
      children: paragraph.runs.map((run) => runChild(run)),
    });
  }
  return new Paragraph({
    indent: paragraph.kind === 'listItem' ? { left: 360 } : undefined,
    spacing: { after: 120 },
    children: paragraph.runs.map((run) => runChild(run)),
  });
}

const MUTED = '57606A';

function sourceParagraphs(source: ExportSource): Paragraph[] {
  const labels = BRIEF_EXPORT_LABELS;
  const paragraphs = [
    new Paragraph({
      spacing: { before: 80 },
      children: [
        new TextRun({ text: `${source.number}. ` }),
        runChild({ text: source.label, href: source.url }),
      ],
    }),
    new Paragraph({
      indent: { left: 280 },
      children: [runChild({ text: source.url, href: source.url }, { size: 16 })],
    }),
  ];
  if (source.quote) {
    paragraphs.push(
      new Paragraph({
        indent: { left: 280 },
        children: [new TextRun({ text: `« ${source.quote} »`, italics: true })],
      }),
    );
  }
  if (source.figures) {
    paragraphs.push(
      new Paragraph({
        indent: { left: 280 },
        children: [
          new TextRun({
            text: `${labels.figuresAtPublication} : ${figuresText(source.figures)}`,
            size: 18,
            color: MUTED,
          }),
        ],
      }),
      ...source.colleges.map(
        (college) =>
          new Paragraph({
            indent: { left: 560 },
            children: [
              new TextRun({
                text: `${college.college} : ${figuresText(college)}`,
                size: 18,
                color: MUTED,
              }),
            ],
          }),
      ),
    );
  }
  return paragraphs;
}

/** Column widths of the annex, in percent of the table width. */
const ANNEX_WIDTHS = [22, 12, 18, 16, 7, 7, 7, 11];

function annexTable(document: BriefExportDocument): Table {
  const { columns } = BRIEF_EXPORT_LABELS;
  const cell = (children: ParagraphChild[], index: number, isHeader = false) =>
    new TableCell({
      width: { size: ANNEX_WIDTHS[index] as number, type: WidthType.PERCENTAGE },
      shading: isHeader ? { fill: 'EEF1F4' } : undefined,
      children: [
        new Paragraph({
          alignment: index >= 4 && index <= 6 ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children,
        }),
      ],
    });
  const header = [
    columns.title,
    columns.territory,
    columns.provenance,
    columns.college,
    columns.for,
    columns.against,
    columns.neutral,
    columns.link,
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((text, index) =>
          cell([new TextRun({ text, bold: true, size: 18 })], index, true),
        ),
      }),
      ...document.annex.map(
        (row) =>
          new TableRow({
            children: [
              runChild({ text: row.title, href: row.url }, { size: 18 }),
              new TextRun({ text: row.territoryName, size: 18 }),
              new TextRun({ text: row.provenance ?? '—', size: 18 }),
              new TextRun({ text: row.college, size: 18 }),
              new TextRun({ text: String(row.votesFor), size: 18 }),
              new TextRun({ text: String(row.votesAgainst), size: 18 }),
              new TextRun({ text: String(row.votesNeutral), size: 18 }),
              runChild({ text: row.url, href: row.url }, { size: 14 }),
            ].map((child, index) => cell([child], index)),
          }),
      ),
    ],
  });
}

/** The experiments annex: each experiment (linked), its carrier and its frozen figures. */
function experimentParagraphs(document: BriefExportDocument): Paragraph[] {
  return document.experiments.flatMap((experiment) => [
    new Paragraph({
      heading: HeadingLevel.HEADING_3,
      children: [runChild({ text: experiment.name, href: experiment.url })],
    }),
    new Paragraph({
      children: [new TextRun({ text: experiment.carrier, italics: true, color: MUTED, size: 18 })],
    }),
    ...experiment.figures.map(
      (figure) =>
        new Paragraph({
          indent: { left: 360 },
          children: [
            new TextRun({ text: `${figure.indicator} : `, size: 20 }),
            new TextRun({ text: figure.figure, bold: figure.detail !== null, size: 20 }),
            ...(figure.detail ? [new TextRun({ text: ` (${figure.detail})`, size: 20 })] : []),
            ...(figure.sourceUrl
              ? [
                  new TextRun({ text: ' ', size: 20 }),
                  runChild({ text: figure.sourceUrl, href: figure.sourceUrl }, { size: 16 }),
                ]
              : []),
          ],
        }),
    ),
  ]);
}

/** The brief as a Word document: headings, hyperlinks, the annex table and page numbers. */
export function briefToDocx(document: BriefExportDocument): Promise<Buffer> {
  const labels = BRIEF_EXPORT_LABELS;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(document.title)] }),
    new Paragraph({
      children: [new TextRun({ text: document.versionLine, italics: true, color: MUTED })],
    }),
    new Paragraph({
      spacing: { after: 240 },
      children: [
        new TextRun({ text: `${labels.onlineVersion} : `, color: MUTED }),
        runChild({ text: document.url, href: document.url }),
      ],
    }),
    ...document.introduction.map(paragraphOf),
  ];
  for (const section of document.sections) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.heading)] }),
      ...section.paragraphs.map(paragraphOf),
    );
    if (section.sources.length > 0) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(labels.sources)],
        }),
        ...section.sources.flatMap(sourceParagraphs),
      );
    }
    if (section.dissent.length > 0) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          children: [new TextRun(labels.dissent)],
        }),
        ...section.dissent.map((line) => new Paragraph({ children: [new TextRun(line)] })),
      );
    }
  }
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(labels.annexTitle)] }),
  );
  if (document.annex.length === 0) {
    children.push(new Paragraph({ children: [new TextRun(labels.annexEmpty)] }));
  } else {
    children.push(
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: labels.annexCaption, color: MUTED, size: 18 })],
      }),
      annexTable(document),
    );
  }
  if (document.experiments.length > 0) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        children: [new TextRun(labels.experimentsTitle)],
      }),
      new Paragraph({
        spacing: { after: 120 },
        children: [new TextRun({ text: labels.experimentsCaption, color: MUTED, size: 18 })],
      }),
      ...experimentParagraphs(document),
    );
  }

  const doc = new Document({
    creator: 'Passerelle',
    title: document.title,
    description: document.versionLine,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      `${labels.page} `,
                      PageNumber.CURRENT,
                      ' / ',
                      PageNumber.TOTAL_PAGES,
                    ],
                    size: 16,
                    color: MUTED,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
