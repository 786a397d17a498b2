import {
  CSV_BOM,
  type CsvCell,
  encodeCsv,
  encodeCsvCell,
  encodeCsvRow,
  neutraliseFormula,
} from './csv';

describe('encodeCsvCell', () => {
  it.each<[string, CsvCell, string]>([
    ['plain text as is', 'Jardins partagés', 'Jardins partagés'],
    ['an empty string as an empty field', '', ''],
    ['null as an empty field', null, ''],
    ['undefined as an empty field', undefined, ''],
    ['a number as digits', 42, '42'],
    ['zero as 0', 0, '0'],
    ['a negative number without a guard', -3, '-3'],
    ['a boolean as true/false', true, 'true'],
    ['a date in ISO 8601 UTC', new Date('2026-11-25T10:00:00.000Z'), '2026-11-25T10:00:00.000Z'],
    ['a comma inside quotes', 'vélos, bus', '"vélos, bus"'],
    ['a double quote doubled inside quotes', 'le "bon" choix', '"le ""bon"" choix"'],
    ['a line feed inside quotes', 'ligne 1\nligne 2', '"ligne 1\nligne 2"'],
    ['a CRLF inside quotes', 'a\r\nb', '"a\r\nb"'],
    ['a leading = guarded', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['a leading + guarded', '+33 1 23', "'+33 1 23"],
    ['a leading - guarded', '-1+2', "'-1+2"],
    ['a leading @ guarded', '@cmd', "'@cmd"],
    ['a leading tab guarded', '\tx', "'\tx"],
    ['a leading CR guarded and quoted', '\rx', '"\'\rx"'],
    [
      'a guarded formula with a comma, quoted',
      '=HYPERLINK("x", "y")',
      '"\'=HYPERLINK(""x"", ""y"")"',
    ],
    ['an inner = untouched', 'a=b', 'a=b'],
  ])('encodes %s', (_name, cell, expected) => {
    expect(encodeCsvCell(cell)).toBe(expected);
  });
});

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe only to formula-like text', () => {
    expect(neutraliseFormula('=1')).toBe("'=1");
    expect(neutraliseFormula('1=1')).toBe('1=1');
  });
});

describe('encodeCsvRow', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(encodeCsvRow(['a', 1, null, 'b,c'])).toBe('a,1,,"b,c"\r\n');
  });

  it('encodes an empty record as an empty line', () => {
    expect(encodeCsvRow([])).toBe('\r\n');
  });
});

describe('encodeCsv', () => {
  it('starts with the BOM and the header row, then one record per row', () => {
    expect(
      encodeCsv(
        ['id', 'title'],
        [
          ['1', 'Un'],
          ['2', 'Deux, "trois"'],
        ],
      ),
    ).toBe(`${CSV_BOM}id,title\r\n1,Un\r\n2,"Deux, ""trois"""\r\n`);
  });

  it('writes the header alone when there are no rows', () => {
    expect(encodeCsv(['id'], [])).toBe(`${CSV_BOM}id\r\n`);
  });
});
