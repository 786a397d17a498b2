import { type BriefExportDocument } from '@passerelle/domain';
import { briefToDocx } from './brief-docx';
import { briefToPdf, findPdfFonts, winAnsiSafe } from './brief-pdf';

const document: BriefExportDocument = {
  title: 'Énergie citoyenne : « des SCIC partout » — 1 000 €',
  versionLine: 'Version 1 — publiée le 26 novembre 2026',
  url: 'https://passerelle.example.fr/contributions/energie/versions/1',
  introduction: [
    { kind: 'paragraph', runs: [{ text: 'Une œuvre ' }, { text: 'commune', bold: true }] },
  ],
  sections: [
    {
      number: 1,
      heading: 'Section 1 — Énergie',
      paragraphs: [
        { kind: 'heading', runs: [{ text: 'Constats' }] },
        {
          kind: 'paragraph',
          runs: [
            { text: 'Des tarifs solidaires ' },
            { text: '[1]', href: 'https://passerelle.example.fr/propositions/p1' },
          ],
        },
        { kind: 'listItem', runs: [{ text: '• ' }, { text: 'en régie', italic: true }] },
      ],
      sources: [
        {
          number: 1,
          kind: 'proposal',
          label: 'Proposition : Un tarif social',
          url: 'https://passerelle.example.fr/propositions/p1',
          quote: 'tarif social',
          figures: { votesFor: 3, votesAgainst: 1, votesNeutral: 0 },
          colleges: [{ college: 'Association', votesFor: 3, votesAgainst: 1, votesNeutral: 0 }],
        },
      ],
      dissent: ['Certains hésitent.'],
    },
  ],
  annex: Array.from({ length: 60 }, (_, index) => ({
    title: `Proposition ${index + 1} sur les circuits courts`,
    territoryName: 'Lyon',
    college: 'Association',
    votesFor: index,
    votesAgainst: 1,
    votesNeutral: 2,
    url: `https://passerelle.example.fr/propositions/p${index}`,
    provenance: index % 2 === 0 ? null : 'Consultation locale « Énergie 35 » — Ille-et-Vilaine',
  })),
  experiments: [
    {
      name: 'Centrale solaire citoyenne',
      carrier: 'Portée par PTCE Rennes',
      url: 'https://passerelle.example.fr/experiences/e1',
      figures: [
        {
          indicator: 'Énergie produite',
          figure: '12\u202f500\u00a0kWh',
          detail: 'mesuré le 1 mars 2026 — source : Rapport annuel',
          sourceUrl: 'https://ptce.example.fr/rapport',
        },
        { indicator: 'Emplois', figure: 'aucun chiffre vérifié', detail: null, sourceUrl: null },
      ],
    },
  ],
};

describe('PDF fonts', () => {
  it('takes the first folder holding the four DejaVu Sans files', () => {
    const present = new Set([
      '/b/DejaVuSans.ttf',
      '/b/DejaVuSans-Bold.ttf',
      '/b/DejaVuSans-Oblique.ttf',
      '/b/DejaVuSans-BoldOblique.ttf',
      '/a/DejaVuSans.ttf',
    ]);
    expect(findPdfFonts(['/a', '/b'], (file) => present.has(file))).toEqual({
      regular: '/b/DejaVuSans.ttf',
      bold: '/b/DejaVuSans-Bold.ttf',
      italic: '/b/DejaVuSans-Oblique.ttf',
      boldItalic: '/b/DejaVuSans-BoldOblique.ttf',
    });
    expect(findPdfFonts(['/a'], (file) => present.has(file))).toBeNull();
  });

  it('keeps French typography the standard fonts can show, and replaces the rest', () => {
    expect(winAnsiSafe('« œuvre » 1\u202f000 € — l’ESS…')).toBe('« œuvre » 1\u00a0000 € — l’ESS…');
    expect(winAnsiSafe('Łódź 你')).toBe('?ód? ?');
  });
});

describe('renderers', () => {
  it('writes a multi-page PDF, with DejaVu Sans when installed or Helvetica otherwise', async () => {
    const embedded = await briefToPdf(document);
    const standard = await briefToPdf(document, null);
    for (const pdf of [embedded, standard]) {
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      // The long annex spans pages; each page has its number.
      expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThan(1);
      expect(pdf.toString('latin1')).toContain(
        '/URI (https://passerelle.example.fr/propositions/p1)',
      );
      // The experiments annex links each experiment and the source of its figures.
      expect(pdf.toString('latin1')).toContain(
        '/URI (https://passerelle.example.fr/experiences/e1)',
      );
      expect(pdf.toString('latin1')).toContain('/URI (https://ptce.example.fr/rapport)');
    }
    if (findPdfFonts()) expect(embedded.toString('latin1')).toContain('DejaVuSans');
    expect(standard.toString('latin1')).toContain('/BaseFont /Helvetica');
  });

  it('writes a DOCX (a zip with the Word document part)', async () => {
    const docx = await briefToDocx(document);
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(docx.toString('latin1')).toContain('word/document.xml');
    const empty = await briefToDocx({ ...document, experiments: [] });
    // The experiments annex (its links are relationships of the document part) adds to the file.
    expect(docx.length).toBeGreaterThan(empty.length);
  });
});
