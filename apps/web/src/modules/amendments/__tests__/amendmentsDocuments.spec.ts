import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import * as documents from '../graphql/amendments.documents';

const schema = buildSchema(
  readFileSync(path.join(__dirname, '../../../../../api/schema.graphql'), 'utf8'),
);

const operations = Object.entries(documents).filter(
  (entry): entry is [string, DocumentNode] =>
    typeof entry[1] === 'object' &&
    entry[1] !== null &&
    'definitions' in entry[1] &&
    entry[1].definitions.some((d) => d.kind === 'OperationDefinition'),
);

describe('the amendments module’s GraphQL documents', () => {
  it('has its queries and mutations', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        'PROPOSAL_AMENDMENTS_QUERY',
        'PROPOSE_AMENDMENT_MUTATION',
        'ACCEPT_AMENDMENT_MUTATION',
        'ANSWER_COAUTHOR_INVITATION_MUTATION',
      ]),
    );
  });

  it.each(operations)('%s is valid against the API schema', (_name, document) => {
    expect(validate(schema, document)).toEqual([]);
  });
});
