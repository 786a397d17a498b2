import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { askedReplyDepth } from './reply-depth';

/** The resolve info of `comments` in `query` (its first field's first field). */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of document.definitions) {
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  }
  const proposal = operation.selectionSet.selections[0];
  if (proposal.kind !== Kind.FIELD || !proposal.selectionSet) throw new Error('shape');
  const comments = proposal.selectionSet.selections[0];
  if (comments.kind !== Kind.FIELD) throw new Error('shape');
  return { fieldNodes: [comments], fragments };
}

describe('askedReplyDepth', () => {
  it.each([
    ['no replies', '{ proposal(id: 1) { comments { edges { node { id } } } } }', 0],
    ['one level', '{ proposal(id: 1) { comments { edges { node { replies { id } } } } } }', 1],
    [
      'two levels through fragments',
      `query { proposal(id: 1) { comments { edges { node { ...C replies { ...C replies { ...C } } } } } } }
       fragment C on Comment { id }`,
      2,
    ],
    [
      'a fragment holding the replies, and an inline fragment',
      `query { proposal(id: 1) { comments { edges { ... on CommentEdge { node { ...R } } } } } }
       fragment R on Comment { replies { replies { replies { id } } } }`,
      2,
    ],
    ['only the count', '{ proposal(id: 1) { comments { totalCount } } }', 0],
  ])('%s', (_name, query, expected) => {
    expect(askedReplyDepth(infoOf(query), 2)).toBe(expected);
  });

  it('stops at the maximum', () => {
    const query =
      '{ proposal(id: 1) { comments { edges { node { replies { replies { id } } } } } } }';
    expect(askedReplyDepth(infoOf(query), 1)).toBe(1);
  });
});
