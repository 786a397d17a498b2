// The only entry point of @passerelle/domain: pure rules, no framework.
export * from './shared/enums';
export * from './shared/errors';
export * from './shared/language';
export * from './shared/validation';
export { TERRITORY_ID } from './shared/schemas';
export * from './accounts/accounts.schemas';
export * from './accounts/roles';
export * from './organisations/siret';
export * from './organisations/organisations';
export * from './permissions/can';
export * from './proposals/proposal-status';
export * from './proposals/proposal.schemas';
export * from './proposals/proposal-editing';
export * from './consultations/phases';
export * from './rankings/scores';
export * from './votes/votes';
export * from './comments/comments';
