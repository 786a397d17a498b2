import type { AdminConsultation } from '../../../shared/graphql/schema-types';
import { scopePlace } from '../../consultations/components/ScopeBadge';
import {
  consultationToForm,
  emptyConsultationForm,
  toCreateConsultationInput,
  toUpdateConsultationInput,
} from '../forms/consultation-form';

const PTCE = '00000000-0000-4000-8000-000000000026';

const loaded: AdminConsultation & { organisation: { id: string } | null } = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'espace-local',
  title: 'Espace local du PTCE',
  description: 'Une consultation locale portée par un pôle territorial de coopération.',
  openPhases: [],
  phases: [{ kind: 'PROPOSING', startsAt: '2026-09-01T07:15:42.123Z', endsAt: null, isOpen: true }],
  themes: [],
  territory: null,
  organisation: { id: PTCE },
  settings: {
    reportThreshold: 3,
    preModeration: false,
    voteValues: ['FOR', 'AGAINST', 'NEUTRAL'],
    collegeThresholds: { minForShare: 0.6, minColleges: 3, minVotesPerCollege: 10 },
  },
};

describe('consultation form: carrying organisation of a local space', () => {
  it('sends the organisation when given, nothing otherwise', () => {
    expect(toCreateConsultationInput(emptyConsultationForm())).not.toHaveProperty('organisationId');
    const form = { ...emptyConsultationForm(), organisationId: ` ${PTCE} ` };
    expect(toCreateConsultationInput(form).organisationId).toBe(PTCE);
  });

  it('keeps a loaded organisation, and removes it with an explicit null when emptied', () => {
    const form = consultationToForm(loaded);
    expect(form.organisationId).toBe(PTCE);
    expect(toUpdateConsultationInput(loaded.id, form).organisationId).toBe(PTCE);
    const emptied = { ...form, organisationId: '' };
    expect(toUpdateConsultationInput(loaded.id, emptied).organisationId).toBeNull();
    const none = consultationToForm({ ...loaded, organisation: null });
    expect(toUpdateConsultationInput(loaded.id, none)).not.toHaveProperty('organisationId');
  });
});

describe('scopePlace', () => {
  it('names the territory and the organisation that are known', () => {
    const territory = { id: 'DEPARTEMENT-26', name: 'Drôme' };
    const organisation = { id: PTCE, name: 'PTCE Drôme Coopérative' };
    expect(scopePlace({ scope: 'LOCAL', territory, organisation })).toBe(
      'Drôme / PTCE Drôme Coopérative',
    );
    expect(scopePlace({ scope: 'LOCAL', territory: null, organisation })).toBe(
      'PTCE Drôme Coopérative',
    );
    expect(scopePlace({ scope: 'NATIONAL', territory: null, organisation: null })).toBe('');
  });
});
