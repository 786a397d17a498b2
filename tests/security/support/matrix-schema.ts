// The operations of the committed schema (apps/api/schema.graphql, generated from the resolvers
// and checked in CI): the authorisation matrix is generated from them.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';

export type OperationKind = 'query' | 'mutation' | 'subscription';

export interface SchemaOperation {
  kind: OperationKind;
  name: string;
}

const SCHEMA_FILE = path.join(__dirname, '../../../apps/api/schema.graphql');

/** Every Query, Mutation and Subscription field, in schema order. */
export function schemaOperations(file = SCHEMA_FILE): SchemaOperation[] {
  const schema = buildSchema(readFileSync(file, 'utf8'));
  const roots: [OperationKind, ReturnType<typeof schema.getQueryType>][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    Object.keys(type?.getFields() ?? {}).map((name) => ({ kind, name })),
  );
}

/**
 * For each named output type, the root fields (`Query.me`, `Mutation.signIn`, …) from which a
 * response can reach it, through any chain of fields.
 */
export function rootFieldsReaching(file = SCHEMA_FILE): Map<string, Set<string>> {
  const schema = buildSchema(readFileSync(file, 'utf8'));
  const reaching = new Map<string, Set<string>>();
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  for (const root of roots) {
    if (!root) continue;
    for (const [name, field] of Object.entries(root.getFields())) {
      const seen = new Set<string>();
      const queue = [getNamedType(field.type)];
      while (queue.length > 0) {
        const type = queue.pop();
        if (!type || seen.has(type.name)) continue;
        seen.add(type.name);
        if (isObjectType(type) || isInterfaceType(type)) {
          for (const child of Object.values(type.getFields())) queue.push(getNamedType(child.type));
        } else if (isUnionType(type)) {
          queue.push(...type.getTypes());
        }
      }
      for (const typeName of seen) {
        const set = reaching.get(typeName) ?? new Set<string>();
        set.add(`${root.name}.${name}`);
        reaching.set(typeName, set);
      }
    }
  }
  return reaching;
}

/** The object types declaring a field of this name (e.g. every type with an `email`). */
export function typesWithField(fieldName: string, file = SCHEMA_FILE): string[] {
  const schema = buildSchema(readFileSync(file, 'utf8'));
  return Object.values(schema.getTypeMap())
    .filter((type) => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
    .filter((type) => fieldName in (type as { getFields(): object }).getFields())
    .map((type) => type.name)
    .sort();
}
