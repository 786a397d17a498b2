import { decodeCursor, encodeCursor } from './proposal-cursor';

const id = '5f0c7a52-3d4e-4b8a-9a51-2f1d8f1e2a10';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('proposal cursors', () => {
  it('round-trips a (createdAt, id) position', () => {
    const position = { orderBy: 'NEWEST' as const, key: new Date('2026-03-01T09:30:00.123Z'), id };
    expect(decodeCursor(encodeCursor(position), 'NEWEST')).toEqual(position);
  });

  it('round-trips a (score, id) position exactly', () => {
    const position = { orderBy: 'HOT' as const, key: 1234.5678901234567, id };
    expect(decodeCursor(encodeCursor(position), 'HOT')).toEqual(position);
  });

  it.each(['CONSENSUS', 'DIVISIVE'] as const)('round-trips a %s position', (orderBy) => {
    const position = { orderBy, key: 0.7071067811865476, id };
    expect(decodeCursor(encodeCursor(position), orderBy)).toEqual(position);
  });

  it.each([
    ['a CONSENSUS cursor in the DIVISIVE order', raw(['CONSENSUS', 0.5, id]), 'DIVISIVE'],
    ['garbage', 'not-a-cursor', 'NEWEST'],
    ['JSON of the wrong shape', raw({ a: 1 }), 'NEWEST'],
    ['a cursor of another order', raw(['TOP', 0.5, id]), 'HOT'],
    ['a non-UUID id', raw(['NEWEST', '2026-03-01T09:30:00.000Z', '1 OR 1=1']), 'NEWEST'],
    ['an invalid date', raw(['OLDEST', 'yesterday', id]), 'OLDEST'],
    ['a number where a date belongs', raw(['NEWEST', 12, id]), 'NEWEST'],
    ['a string where a score belongs', raw(['TOP', '0.5', id]), 'TOP'],
  ] as const)('rejects %s', (_label, cursor, orderBy) => {
    expect(decodeCursor(cursor, orderBy)).toBeNull();
  });
});
