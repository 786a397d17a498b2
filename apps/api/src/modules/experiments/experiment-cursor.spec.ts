import { decodeExperimentCursor, encodeExperimentCursor } from './experiment-cursor';

describe('experiment cursors', () => {
  const cursor = {
    at: new Date('2026-11-26T10:00:00.123Z'),
    id: '7f0c2c58-3f1e-4c1b-9d43-2b8f0f6d5a01',
  };

  it('round-trips a position', () => {
    expect(decodeExperimentCursor(encodeExperimentCursor(cursor))).toEqual(cursor);
  });

  it('refuses what it did not make', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeExperimentCursor('not a cursor')).toBeNull();
    expect(decodeExperimentCursor(encode([cursor.at.toISOString()]))).toBeNull();
    expect(decodeExperimentCursor(encode([cursor.at.toISOString(), 'nope']))).toBeNull();
    expect(decodeExperimentCursor(encode(['yesterday', cursor.id]))).toBeNull();
    expect(decodeExperimentCursor(encode([1, cursor.id]))).toBeNull();
  });
});
