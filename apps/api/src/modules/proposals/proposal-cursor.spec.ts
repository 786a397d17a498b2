import { decodeCursor, encodeCursor } from './proposal-cursor';

describe('proposal cursors', () => {
  it('round-trips a (createdAt, id) position', () => {
    const position = {
      createdAt: new Date('2026-03-01T09:30:00.123Z'),
      id: '5f0c7a52-3d4e-4b8a-9a51-2f1d8f1e2a10',
    };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['JSON of the wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['a non-UUID id', Buffer.from('["2026-03-01T09:30:00.000Z","1 OR 1=1"]').toString('base64url')],
    [
      'an invalid date',
      Buffer.from('["yesterday","5f0c7a52-3d4e-4b8a-9a51-2f1d8f1e2a10"]').toString('base64url'),
    ],
  ])('rejects %s', (_label, cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });
});
