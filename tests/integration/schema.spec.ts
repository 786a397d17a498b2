import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { startTestApp, type TestApp } from './support/test-app';

describe('committed GraphQL schema', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is the schema the running API serves (regenerate with `npx nx run api:schema`)', () => {
    const committed = fs.readFileSync(
      path.join(__dirname, '../../apps/api/schema.graphql'),
      'utf8',
    );
    const served = printSchema(api.app.get(GraphQLSchemaHost).schema);
    expect(committed.replace(/^#.*\n/gm, '').trim()).toBe(served.trim());
  });
});
