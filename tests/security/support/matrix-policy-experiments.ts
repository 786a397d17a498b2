// Policy entries of the experiments registry (issue 10). Reads are public. Every change is made
// by members of the carrying organisation only (the owner is a member of a fresh one; the other
// callers, moderators and administrators included, are not); checks are made by moderators and
// administrators who are not members (the owner, a participant, is refused).
import {
  createExperiment,
  createIndicator,
  createMeasurement,
  createOrganisation,
  referenceThemes,
  TERRITORIES,
} from '../../factories';
import type { Call, OperationPolicy } from './matrix-policy';
import { EVERYONE, type MatrixWorld, OWNER, STAFF } from './matrix-world';

/** A fresh experiment of an organisation the owner is a member of, with an indicator and a figure. */
async function freshExperiment(world: MatrixWorld) {
  const owner = world.users.owner;
  const organisation = await createOrganisation({ actorType: 'PTCE', memberIds: [owner.id] });
  const experiment = await createExperiment({
    organisationId: organisation.id,
    createdById: owner.id,
  });
  const indicator = await createIndicator({ experimentId: experiment.id });
  const measurement = await createMeasurement({
    indicatorId: indicator.id,
    recordedById: owner.id,
  });
  return { organisationId: organisation.id, experiment, indicator, measurement };
}

async function experimentFields() {
  const themes = await referenceThemes();
  return {
    name: 'Boucle énergétique locale du Pilat',
    description:
      'Des habitants et une SCIC produisent et partagent une électricité solaire locale.',
    territoryIds: [TERRITORIES.saintEtienne],
    themeIds: [themes[0]?.id],
    status: 'RUNNING',
    startedOn: '2023-04-01',
  };
}

const INDICATOR = { name: 'Électricité produite', kind: 'RENEWABLE_ENERGY', unit: 'MWH' };
const FIGURE = {
  value: 310,
  measuredOn: '2025-12-31',
  source: 'Relevés du gestionnaire de réseau',
};

const read = (text: string, variables?: (world: MatrixWorld) => Record<string, unknown>) =>
  async function (world: MatrixWorld): Promise<Call> {
    return { query: text, variables: variables?.(world) };
  };

export const EXPERIMENT_POLICY: Record<string, OperationPolicy> = {
  experiments: {
    allowed: EVERYONE,
    call: read(`{ experiments(first: 5) { totalCount nodes { id viewerCanEdit } } }`),
  },
  experiment: {
    allowed: EVERYONE,
    call: read(`query ($id: ID!) { experiment(id: $id) { id } }`, () => ({
      id: '00000000-0000-4000-8000-000000000000',
    })),
  },
  experimentsByDepartement: {
    allowed: EVERYONE,
    call: read(`{ experimentsByDepartement { count departement { id } } }`),
  },
  // [] when anonymous: the viewer's own memberships only.
  myExperimentOrganisations: {
    allowed: EVERYONE,
    call: read(`{ myExperimentOrganisations { id } }`),
  },
  recordExperiment: {
    allowed: OWNER,
    call: async (world) => {
      const { organisationId } = await freshExperiment(world);
      return {
        query: `mutation ($input: RecordExperimentInput!) { recordExperiment(input: $input) { id } }`,
        variables: { input: { ...(await experimentFields()), organisationId } },
      };
    },
  },
  updateExperiment: {
    allowed: OWNER,
    call: async (world) => {
      const { experiment } = await freshExperiment(world);
      return {
        query: `mutation ($input: UpdateExperimentInput!) { updateExperiment(input: $input) { id } }`,
        variables: {
          input: { ...(await experimentFields()), experimentId: experiment.id, expectedVersion: 1 },
        },
      };
    },
  },
  addIndicator: {
    allowed: OWNER,
    call: async (world) => {
      const { experiment } = await freshExperiment(world);
      return {
        query: `mutation ($input: AddIndicatorInput!) { addIndicator(input: $input) { id } }`,
        variables: { input: { ...INDICATOR, experimentId: experiment.id } },
      };
    },
  },
  updateIndicator: {
    allowed: OWNER,
    call: async (world) => {
      const { indicator } = await freshExperiment(world);
      return {
        query: `mutation ($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id } }`,
        variables: { input: { ...INDICATOR, indicatorId: indicator.id } },
      };
    },
  },
  recordMeasurement: {
    allowed: OWNER,
    call: async (world) => {
      const { indicator } = await freshExperiment(world);
      return {
        query: `mutation ($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`,
        variables: { input: { ...FIGURE, indicatorId: indicator.id } },
      };
    },
  },
  updateMeasurement: {
    allowed: OWNER,
    call: async (world) => {
      const { measurement } = await freshExperiment(world);
      return {
        query: `mutation ($input: UpdateMeasurementInput!) { updateMeasurement(input: $input) { id } }`,
        variables: { input: { ...FIGURE, measurementId: measurement.id } },
      };
    },
  },
  checkMeasurement: {
    allowed: STAFF,
    call: async (world) => {
      const { measurement } = await freshExperiment(world);
      return {
        query: `mutation ($input: CheckMeasurementInput!) { checkMeasurement(input: $input) { id checkedAt } }`,
        variables: { input: { measurementId: measurement.id, checked: true } },
      };
    },
  },
};
