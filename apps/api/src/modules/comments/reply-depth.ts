import { type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { fieldsNamed } from '../../common/graphql/selection';

/**
 * How many levels of `replies` a `comments` connection field asks under `edges.node` (at most
 * `max`): the thread statement reads that many levels at once instead of one batch per level.
 * Directives are not evaluated: reading a level that `@skip` drops costs rows, never a wrong answer.
 */
export function askedReplyDepth(
  info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>,
  max: number,
): number {
  const { fragments } = info;
  const nodes = info.fieldNodes
    .flatMap((field) => fieldsNamed(field.selectionSet, 'edges', fragments))
    .flatMap((edges) => fieldsNamed(edges.selectionSet, 'node', fragments));
  const depthOf = (comments: FieldNode[], depth: number): number => {
    if (depth >= max) return depth;
    const replies = comments.flatMap((comment) =>
      fieldsNamed(comment.selectionSet, 'replies', fragments),
    );
    return replies.length === 0 ? depth : depthOf(replies, depth + 1);
  };
  return depthOf(nodes, 0);
}
