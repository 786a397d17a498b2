import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  execute,
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isObjectType,
  isScalarType,
  validate,
  type GraphQLFieldResolver,
} from 'graphql';
import { createCache } from '../../../app/providers/apollo';
import {
  PROPOSAL_PAGE_QUERY,
  PROPOSAL_PAGE_SECTION_QUERIES,
} from '../graphql/proposal-page.documents';

const schema = buildSchema(
  readFileSync(path.join(__dirname, '../../../../../api/schema.graphql'), 'utf8'),
);

const SCALARS: Record<string, unknown> = {
  ID: 'id-1',
  String: 'text',
  Int: 1,
  Float: 0.5,
  Boolean: true,
  DateTime: '2026-11-26T10:00:00.000Z',
};

/** An answer with every field the query selects filled in (one item per list). */
const fillEverything: GraphQLFieldResolver<unknown, unknown> = (_source, _args, _context, info) => {
  const fill = (type: ReturnType<typeof getNullableType>): unknown => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) return [fill(nullable.ofType)];
    const named = getNamedType(nullable);
    if (!named) throw new Error('no type');
    if (isScalarType(named)) return SCALARS[named.name] ?? 'text';
    if (isEnumType(named)) return named.getValues()[0]?.value;
    if (isObjectType(named)) return {};
    throw new Error(`no filler for ${named.name}`);
  };
  return fill(info.returnType);
};

describe('the proposal page query', () => {
  it('is valid against the API schema and selects only the public `proposal` root field', () => {
    expect(validate(schema, PROPOSAL_PAGE_QUERY)).toEqual([]);
    const [operation] = PROPOSAL_PAGE_QUERY.definitions;
    expect(operation).toMatchObject({
      name: { value: 'ProposalPage' },
      selectionSet: { selections: [{ name: { value: 'proposal' } }] },
    });
  });

  it("answers every section's own query from the cache once its answer is written", async () => {
    const cache = createCache();
    const result = await execute({
      schema,
      // With the __typename fields the cache adds, as the browser asks.
      document: cache.transformDocument(PROPOSAL_PAGE_QUERY),
      variableValues: { id: 'id-1' },
      fieldResolver: fillEverything,
    });
    expect(result.errors).toBeUndefined();
    cache.writeQuery({
      query: PROPOSAL_PAGE_QUERY,
      variables: { id: 'id-1' },
      data: result.data as never,
    });
    for (const query of PROPOSAL_PAGE_SECTION_QUERIES) {
      const diff = cache.diff({
        query,
        variables: { id: 'id-1' },
        optimistic: false,
        returnPartialData: true,
      });
      expect({ query: query.definitions[0], complete: diff.complete }).toMatchObject({
        complete: true,
      });
    }
  });
});
