import type { DefinitionNode, DocumentNode } from 'graphql';

/**
 * A GraphQL document parsed at build time (vite.config.mts, precompileGraphQL) instead of by
 * `gql` when the module loads: the definitions of the template's own text, in slots around its
 * `${FRAGMENT}` interpolations, whose definitions are put in place as `gql` does. A fragment that
 * comes twice (two interpolated documents spreading the same one) is kept once.
 */
export function gqlDocument(
  slots: readonly (readonly DefinitionNode[])[],
  interpolated: readonly DocumentNode[],
): DocumentNode {
  const definitions: DefinitionNode[] = [];
  const fragmentNames = new Set<string>();
  const add = (definition: DefinitionNode) => {
    if (definition.kind === 'FragmentDefinition') {
      if (fragmentNames.has(definition.name.value)) return;
      fragmentNames.add(definition.name.value);
    }
    definitions.push(definition);
  };
  slots.forEach((slot, index) => {
    slot.forEach(add);
    interpolated[index]?.definitions.forEach(add);
  });
  return { kind: 'Document', definitions } as unknown as DocumentNode;
}
