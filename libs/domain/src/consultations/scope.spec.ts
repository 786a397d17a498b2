import { validateInput } from '../shared/validation';
import { consultationModeratorInputSchema, consultationScope } from './scope';

describe('consultationScope', () => {
  it('is national without territory nor organisation', () => {
    expect(consultationScope({ territoryId: null, organisationId: null })).toBe('NATIONAL');
  });

  it('is local with a territory, an organisation or both', () => {
    expect(consultationScope({ territoryId: 'REGION-11', organisationId: null })).toBe('LOCAL');
    expect(consultationScope({ territoryId: null, organisationId: 'o1' })).toBe('LOCAL');
    expect(consultationScope({ territoryId: 'REGION-11', organisationId: 'o1' })).toBe('LOCAL');
  });
});

describe('consultationModeratorInputSchema', () => {
  const consultationId = '7d0c8a52-4a5e-4c55-9d3c-5d2c1f1f1a01';
  const userId = '7d0c8a52-4a5e-4c55-9d3c-5d2c1f1f1a02';

  it('accepts two ids', () => {
    expect(
      validateInput(consultationModeratorInputSchema, { consultationId, userId }, 'fr'),
    ).toEqual({ consultationId, userId });
  });

  it('refuses malformed ids and unknown fields', () => {
    expect(() =>
      validateInput(consultationModeratorInputSchema, { consultationId: 'x', userId }, 'fr'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(() =>
      validateInput(
        consultationModeratorInputSchema,
        { consultationId, userId, role: 'ADMIN' },
        'fr',
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
