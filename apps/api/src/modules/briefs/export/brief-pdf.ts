import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  BRIEF_EXPORT_LABELS,
  type BriefExportDocument,
  type ExportParagraph,
  type ExportRun,
  type ExportSource,
  figuresText,
} from '@passerelle/domain';
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

export interface PdfFontFiles {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
}

/**
 * DejaVu Sans covers French typography (« », œ, €, the narrow no-break space before ; : ! ?)
 * and most Latin, Greek and Cyrillic names, where the standard PDF fonts only know WinAnsi.
 * It ships with Debian/Ubuntu (fonts-dejavu-core, present on our machines and CI image), Fedora
 * and Alpine; when none of these folders has it, the standard Helvetica is used and characters
 * outside WinAnsi are replaced (see winAnsiSafe).
 */
export const DEJAVU_DIRECTORIES = [
  '/usr/share/fonts/truetype/dejavu',
  '/usr/share/fonts/dejavu',
  '/usr/share/fonts/dejavu-sans-fonts',
  '/usr/share/fonts/TTF',
];

const DEJAVU_FILES: PdfFontFiles = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};

/** The DejaVu Sans files of the first folder holding all four, or null. */
export function findPdfFonts(
  directories: readonly string[] = DEJAVU_DIRECTORIES,
  exists: (file: string) => boolean = existsSync,
): PdfFontFiles | null {
  for (const directory of directories) {
    const files = {
      regular: path.join(directory, DEJAVU_FILES.regular),
      bold: path.join(directory, DEJAVU_FILES.bold),
      italic: path.join(directory, DEJAVU_FILES.italic),
      boldItalic: path.join(directory, DEJAVU_FILES.boldItalic),
    };
    if (Object.values(files).every((file) => exists(file))) return files;
  }
  return null;
}

/** Characters of WinAnsi (cp1252) above 0x7F that are not Latin-1 at the same code. */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text the standard Helvetica can show: thin and narrow no-break spaces become no-break spaces,
 * anything else outside WinAnsi becomes `?` (only used without an embedded font).
 */
export function winAnsiSafe(text: string): string {
  return [...text]
    .map((char) => {
      if (char === '\u202f' || char === '\u2009' || char === '\u2007') return '\u00a0';
      const code = char.codePointAt(0) as number;
      const isWinAnsi =
        (code >= 0x20 && code <= 0x7e) ||
        (code >= 0xa0 && code <= 0xff) ||
        char === '\n' ||
        WIN_ANSI_EXTRA.has(char);
      return isWinAnsi ? char : '?';
    })
    .join('');
}

const COLORS = {
  text: '#1f2328',
  muted: '#57606a',
  link: '#0b5cad',
  rule: '#8c959f',
  head: '#eef1f4',
};
const A4_MARGIN = 56; // 2 cm

interface Fonts {
  regular: string;
  bold: string;
  italic: string;
  boldItalic: string;
  clean: (text: string) => string;
}

class PdfWriter {
  private readonly width: number;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: Fonts,
  ) {
    this.width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  }

  private font(style: { bold?: boolean; italic?: boolean } = {}) {
    const { fonts } = this;
    return style.bold
      ? style.italic
        ? fonts.boldItalic
        : fonts.bold
      : style.italic
        ? fonts.italic
        : fonts.regular;
  }

  /** Keeps a heading with at least a few lines after it. */
  private keepRoom(height: number) {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom;
    if (this.doc.y + height > bottom) this.doc.addPage();
  }

  heading(text: string, size: number, spaceBefore: number) {
    this.doc.moveDown(spaceBefore);
    this.keepRoom(size * 4);
    this.doc
      .font(this.fonts.bold)
      .fontSize(size)
      .fillColor(COLORS.text)
      .text(this.fonts.clean(text), this.doc.page.margins.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** A paragraph of runs; links are blue, underlined and clickable. */
  runs(
    runs: readonly ExportRun[],
    options: { size?: number; color?: string; indent?: number } = {},
  ) {
    const { doc } = this;
    const left = doc.page.margins.left + (options.indent ?? 0);
    const width = this.width - (options.indent ?? 0);
    const pieces = runs.filter((run) => run.text !== '');
    if (pieces.length === 0) return;
    doc.fontSize(options.size ?? 11);
    pieces.forEach((run, index) => {
      const text = this.fonts.clean(run.text);
      const textOptions: PDFKit.Mixins.TextOptions = {
        width,
        continued: index < pieces.length - 1,
        link: run.href ?? null,
        underline: Boolean(run.href),
        lineGap: 2,
      };
      doc.font(this.font(run)).fillColor(run.href ? COLORS.link : (options.color ?? COLORS.text));
      // The first run places the paragraph; the others continue on its lines.
      if (index === 0) doc.text(text, left, doc.y, textOptions);
      else doc.text(text, textOptions);
    });
    doc.moveDown(0.4);
  }

  paragraph(paragraph: ExportParagraph) {
    if (paragraph.kind === 'heading') {
      this.keepRoom(40);
      this.runs(
        paragraph.runs.map((run) => ({ ...run, bold: true })),
        { size: 12 },
      );
    } else {
      this.runs(paragraph.runs, { indent: paragraph.kind === 'listItem' ? 12 : 0 });
    }
  }

  source(source: ExportSource) {
    const labels = BRIEF_EXPORT_LABELS;
    this.keepRoom(50);
    this.runs([{ text: `${source.number}. ` }, { text: source.label, href: source.url }], {
      size: 10,
    });
    this.doc.moveUp(0.3);
    this.runs([{ text: source.url, href: source.url }], { size: 8, indent: 14 });
    if (source.quote) {
      this.runs([{ text: `« ${source.quote} »`, italic: true }], { size: 10, indent: 14 });
    }
    if (source.figures) {
      this.runs([{ text: `${labels.figuresAtPublication} : ${figuresText(source.figures)}` }], {
        size: 9,
        indent: 14,
        color: COLORS.muted,
      });
      this.doc.moveUp(0.3);
      for (const college of source.colleges) {
        this.runs([{ text: `${college.college} : ${figuresText(college)}` }], {
          size: 9,
          indent: 24,
          color: COLORS.muted,
        });
        this.doc.moveUp(0.3);
      }
      this.doc.moveDown(0.3);
    }
  }

  /** The annex as a ruled table; the header row is repeated on every page it spans. */
  annexTable(document: BriefExportDocument) {
    const { doc } = this;
    const { columns } = BRIEF_EXPORT_LABELS;
    const widths = [124, 54, 80, 76, 30, 40, 40, 36];
    const scale = this.width / widths.reduce((sum, width) => sum + width, 0);
    const cols = widths.map((width) => width * scale);
    const padding = 4;
    const size = 8.5;
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

    const rowHeight = (cells: string[], bold: boolean) => {
      doc.font(bold ? this.fonts.bold : this.fonts.regular).fontSize(size);
      return (
        Math.max(
          ...cells.map((text, index) =>
            doc.heightOfString(this.fonts.clean(text), {
              width: (cols[index] as number) - 2 * padding,
            }),
          ),
        ) +
        2 * padding
      );
    };

    const drawRow = (cells: { text: string; href?: string }[], isHeader: boolean) => {
      const height = rowHeight(
        cells.map((cell) => cell.text),
        isHeader,
      );
      const bottom = doc.page.height - doc.page.margins.bottom;
      if (doc.y + height > bottom) {
        doc.addPage();
        if (!isHeader)
          drawRow(
            header.map((text) => ({ text })),
            true,
          );
      }
      const top = doc.y;
      let x = doc.page.margins.left;
      cells.forEach((cell, index) => {
        const width = cols[index] as number;
        if (isHeader) doc.rect(x, top, width, height).fill(COLORS.head);
        doc.lineWidth(0.5).rect(x, top, width, height).stroke(COLORS.rule);
        doc
          .font(isHeader ? this.fonts.bold : this.fonts.regular)
          .fontSize(size)
          .fillColor(cell.href ? COLORS.link : COLORS.text)
          .text(this.fonts.clean(cell.text), x + padding, top + padding, {
            width: width - 2 * padding,
            link: cell.href ?? null,
            underline: Boolean(cell.href),
            align: index >= 4 && index <= 6 ? 'right' : 'left',
          });
        x += width;
      });
      doc.x = doc.page.margins.left;
      doc.y = top + height;
    };

    drawRow(
      header.map((text) => ({ text })),
      true,
    );
    for (const row of document.annex) {
      drawRow(
        [
          { text: row.title, href: row.url },
          { text: row.territoryName },
          { text: row.provenance ?? '—' },
          { text: row.college },
          { text: String(row.votesFor) },
          { text: String(row.votesAgainst) },
          { text: String(row.votesNeutral) },
          { text: BRIEF_EXPORT_LABELS.open, href: row.url },
        ],
        false,
      );
    }
  }

  /** The experiments annex: each experiment (linked), its carrier and its frozen figures. */
  experiments(document: BriefExportDocument) {
    for (const experiment of document.experiments) {
      this.keepRoom(60);
      this.runs([{ text: experiment.name, href: experiment.url, bold: true }], { size: 11 });
      this.doc.moveUp(0.3);
      this.runs([{ text: experiment.carrier, italic: true }], { size: 9, color: COLORS.muted });
      for (const figure of experiment.figures) {
        const runs: ExportRun[] = [
          { text: `${figure.indicator} : ` },
          { text: figure.figure, bold: figure.detail !== null },
        ];
        if (figure.detail) runs.push({ text: ` (${figure.detail})` });
        if (figure.sourceUrl)
          runs.push({ text: ' ' }, { text: figure.sourceUrl, href: figure.sourceUrl });
        this.runs(runs, { size: 9, indent: 14 });
        this.doc.moveUp(0.2);
      }
      this.doc.moveDown(0.4);
    }
  }

  /** "Page n / total" at the foot of every page. */
  pageNumbers() {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let index = range.start; index < range.start + range.count; index++) {
      doc.switchToPage(index);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing in the margin must not open a new page
      doc
        .font(this.fonts.regular)
        .fontSize(8)
        .fillColor(COLORS.muted)
        .text(
          `${BRIEF_EXPORT_LABELS.page} ${index + 1} / ${range.count}`,
          doc.page.margins.left,
          doc.page.height - bottom / 2 - 4,
          { width: this.width, align: 'center', lineBreak: false },
        );
      doc.page.margins.bottom = bottom;
    }
  }
}

/**
 * The brief as an A4 PDF: clickable links (markers, sources, annex), a ruled annex table and page
 * numbers. `fonts` defaults to DejaVu Sans when installed (see DEJAVU_DIRECTORIES).
 */
export function briefToPdf(
  document: BriefExportDocument,
  fontFiles: PdfFontFiles | null = findPdfFonts(),
): Promise<Buffer> {
  const labels = BRIEF_EXPORT_LABELS;
  const doc = new PDFDocument({
    size: 'A4',
    margin: A4_MARGIN,
    bufferPages: true,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: document.title, Subject: document.versionLine, Author: 'Passerelle' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  let fonts: Fonts;
  if (fontFiles) {
    doc.registerFont('Body', fontFiles.regular);
    doc.registerFont('Body-Bold', fontFiles.bold);
    doc.registerFont('Body-Italic', fontFiles.italic);
    doc.registerFont('Body-BoldItalic', fontFiles.boldItalic);
    fonts = {
      regular: 'Body',
      bold: 'Body-Bold',
      italic: 'Body-Italic',
      boldItalic: 'Body-BoldItalic',
      clean: (text) => text,
    };
  } else {
    fonts = {
      regular: 'Helvetica',
      bold: 'Helvetica-Bold',
      italic: 'Helvetica-Oblique',
      boldItalic: 'Helvetica-BoldOblique',
      clean: winAnsiSafe,
    };
  }
  const writer = new PdfWriter(doc, fonts);

  writer.heading(document.title, 20, 0);
  writer.runs([{ text: document.versionLine, italic: true }], { size: 10, color: COLORS.muted });
  doc.moveUp(0.3);
  writer.runs(
    [{ text: `${labels.onlineVersion} : ` }, { text: document.url, href: document.url }],
    { size: 9, color: COLORS.muted },
  );
  doc.moveDown(0.5);
  for (const paragraph of document.introduction) writer.paragraph(paragraph);

  for (const section of document.sections) {
    writer.heading(section.heading, 15, 1);
    for (const paragraph of section.paragraphs) writer.paragraph(paragraph);
    if (section.sources.length > 0) {
      writer.heading(labels.sources, 12, 0.5);
      for (const source of section.sources) writer.source(source);
    }
    if (section.dissent.length > 0) {
      writer.heading(labels.dissent, 12, 0.5);
      for (const line of section.dissent) writer.runs([{ text: line }]);
    }
  }

  writer.heading(labels.annexTitle, 15, 1);
  if (document.annex.length === 0) {
    writer.runs([{ text: labels.annexEmpty }]);
  } else {
    writer.runs([{ text: labels.annexCaption }], { size: 9, color: COLORS.muted });
    writer.annexTable(document);
  }
  if (document.experiments.length > 0) {
    writer.heading(labels.experimentsTitle, 15, 1);
    writer.runs([{ text: labels.experimentsCaption }], { size: 9, color: COLORS.muted });
    writer.experiments(document);
  }

  writer.pageNumbers();
  doc.end();
  return done;
}
