// Test factories: uniquely keyed rows written straight to the test database with Prisma, so
// every test owns its data and tests never depend on each other.
export * from './briefs.factory';
export * from './consultations.factory';
export * from './experiments.factory';
export * from './keys';
export * from './organisations.factory';
export * from './prisma';
export * from './proposals.factory';
export * from './reference';
export * from './users.factory';
