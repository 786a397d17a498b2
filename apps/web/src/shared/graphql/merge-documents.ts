import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  OperationDefinitionNode,
  SelectionNode,
  VariableDefinitionNode,
} from 'graphql';

const SELECTION_SET = 'SelectionSet' as NonNullable<FieldNode['selectionSet']>['kind'];

function operationOf(document: DocumentNode): OperationDefinitionNode {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === ('OperationDefinition' as OperationDefinitionNode['kind']),
  );
  if (!operation) throw new Error('mergeRootFieldQueries: a document without an operation');
  return operation;
}

/**
 * One query from several that each select the same root field with the same arguments (e.g.
 * `proposal(id: $id) { … }`): the root field once, with the union of their selections, their
 * variables and their fragments. A page sends it once; each section keeps its own query, which
 * then finds its fields in the cache instead of making a request of its own.
 */
export function mergeRootFieldQueries(name: string, documents: DocumentNode[]): DocumentNode {
  const variables = new Map<string, VariableDefinitionNode>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  const selections: SelectionNode[] = [];
  const leaves = new Set<string>();
  let root: FieldNode | undefined;
  for (const document of documents) {
    const operation = operationOf(document);
    const [field, ...others] = operation.selectionSet.selections;
    if (field?.kind !== ('Field' as FieldNode['kind']) || others.length > 0) {
      throw new Error(`mergeRootFieldQueries: ${operation.name?.value} has not one root field`);
    }
    if (root && root.name.value !== field.name.value) {
      throw new Error(`mergeRootFieldQueries: ${field.name.value} is not ${root.name.value}`);
    }
    root ??= field;
    for (const selection of field.selectionSet?.selections ?? []) {
      // A plain leaf field (`id`, `status`) asked by several sections is sent once.
      const isPlainLeaf =
        selection.kind === ('Field' as FieldNode['kind']) &&
        !selection.selectionSet &&
        !selection.alias &&
        !selection.arguments?.length &&
        !selection.directives?.length;
      if (isPlainLeaf) {
        if (leaves.has(selection.name.value)) continue;
        leaves.add(selection.name.value);
      }
      selections.push(selection);
    }
    for (const variable of operation.variableDefinitions ?? []) {
      variables.set(variable.variable.name.value, variable);
    }
    for (const definition of document.definitions) {
      if (definition.kind === ('FragmentDefinition' as FragmentDefinitionNode['kind'])) {
        fragments.set(definition.name.value, definition);
      }
    }
  }
  if (!root) throw new Error('mergeRootFieldQueries: no document');
  const operation: OperationDefinitionNode = {
    ...operationOf(documents[0] as DocumentNode),
    name: { kind: 'Name' as FieldNode['name']['kind'], value: name },
    variableDefinitions: [...variables.values()],
    selectionSet: {
      kind: SELECTION_SET,
      selections: [{ ...root, selectionSet: { kind: SELECTION_SET, selections } }],
    },
  };
  return { kind: 'Document', definitions: [operation, ...fragments.values()] } as DocumentNode;
}
