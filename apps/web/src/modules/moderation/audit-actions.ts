import { AuditAction } from '@passerelle/domain';

/**
 * Every action the audit log records (each has a label in both languages: the types check it).
 * Apart from the GraphQL documents: the domain module it comes from builds the moderation's zod
 * schemas, which the public pages that share those documents do not need.
 */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AuditAction);
