import { AppError, type Caller, type Domain, ErrorCode, isStaff, isUuid } from '@reglament/shared/domain';
import {
  type ExecutionArgs,
  type FieldNode,
  getArgumentValues,
  getOperationAST,
  type GraphQLObjectType,
  Kind,
  print,
  visit,
  getVariableValues,
} from 'graphql';
import { FIELD_DOMAINS } from './changes';

/** What a subscription asks for and may see. */
export interface SubscriptionScope {
  fieldName: string;
  domain: Domain;
  /** Only this organization's events (the caller's own for customers and bound partners). */
  organizationId: string | null;
  ticketId: string | null;
  /** Resume: replay from this stream sequence (the cursor after which the client stopped). */
  fromSeq: number | null;
  /** Provider staff (and the system) also see internal activity. */
  staff: boolean;
  /** notificationAdded: the caller, whose own notifications alone it carries. */
  recipientId: string | null;
}

/**
 * Checks the arguments against the caller: anonymous callers may not subscribe, a customer
 * (or an organization-bound partner) only to its own organization; ids must be ids and
 * `after` a cursor. Refusals say what is allowed.
 */
export function subscriptionScope(args: ExecutionArgs, caller: Caller): SubscriptionScope {
  const operation = getOperationAST(args.document, args.operationName);
  const field = operation?.selectionSet.selections[0] as FieldNode | undefined;
  if (!operation || operation.operation !== 'subscription' || !field || field.kind !== Kind.FIELD) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'Expected a subscription with one root field');
  }
  const fieldName = field.name.value;
  const definition = (args.schema.getSubscriptionType() as GraphQLObjectType).getFields()[fieldName];
  const domain = FIELD_DOMAINS[fieldName];
  if (!definition || !domain) {
    throw new AppError(
      ErrorCode.BAD_USER_INPUT,
      `Unknown subscription ${fieldName}; available: ${Object.keys(FIELD_DOMAINS).join(', ')}`,
    );
  }
  // Variables coerced as execution will see them (defaults applied, types checked).
  const coerced = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
  if (coerced.errors) throw new AppError(ErrorCode.BAD_USER_INPUT, coerced.errors.map((e) => e.message).join('; '));
  const values = getArgumentValues(definition, field, coerced.coerced) as {
    organizationId?: string | null;
    ticketId?: string | null;
    after?: string | null;
  };
  if (caller.kind === 'anonymous') {
    throw new AppError(
      ErrorCode.UNAUTHENTICATED,
      'Subscriptions need a valid token (or partner key) in connection_init',
    );
  }
  const ownOrganization =
    caller.kind === 'user' && (caller.role === 'CUSTOMER' || caller.role === 'PARTNER') ? caller.organizationId : null;
  if (caller.kind === 'user' && caller.role === 'CUSTOMER' && !ownOrganization) {
    throw new AppError(ErrorCode.FORBIDDEN, 'A customer token must carry its organization');
  }
  if (values.organizationId && !isUuid(values.organizationId)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'organizationId must be an id (a UUID)');
  }
  if (ownOrganization && values.organizationId && values.organizationId.toLowerCase() !== ownOrganization) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'You may subscribe only to your own organization: leave organizationId out, or pass your own',
    );
  }
  if (values.ticketId && !isUuid(values.ticketId)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, 'ticketId must be an id (a UUID)');
  }
  let recipientId: string | null = null;
  if (fieldName === 'notificationAdded') {
    // A user's own inbox only: nobody subscribes to another's notifications.
    if (caller.kind !== 'user' || !isUuid(caller.id)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'notificationAdded is for signed-in users: it carries your own notifications',
      );
    }
    recipientId = caller.id.toLowerCase();
  }
  let fromSeq: number | null = null;
  if (values.after !== undefined && values.after !== null) {
    const seq = Number(values.after);
    if (!/^\d+$/.test(values.after) || !Number.isSafeInteger(seq)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, 'after must be the cursor of an earlier change (digits)');
    }
    fromSeq = seq + 1;
  }
  return {
    fieldName,
    domain,
    organizationId: ownOrganization ?? values.organizationId?.toLowerCase() ?? null,
    ticketId: values.ticketId?.toLowerCase() ?? null,
    fromSeq,
    staff: isStaff(caller),
    recipientId,
  };
}

/** Subscribers share a resolution only with callers who see exactly the same (role and organization). */
export function visibilityKey(caller: Caller, recipientId: string | null = null): string {
  if (caller.kind !== 'user') return caller.kind;
  // Own notifications: one user's groups never share with another's (the payload is loaded as that user).
  return `${caller.role}:${caller.organizationId ?? '*'}${recipientId ? `:${recipientId}` : ''}`;
}

/**
 * What makes two subscriptions equal for sharing: the document and variables WITHOUT the resume
 * cursor (`after` only decides where a replay starts, not what a result looks like), so a
 * client that reconnects with a cursor rejoins the group it left.
 */
export function selectionKey(args: ExecutionArgs): string {
  const cursorVariables = new Set<string>();
  const document = visit(args.document, {
    OperationDefinition: {
      leave(operation) {
        if (operation.operation !== 'subscription') return undefined;
        const [root, ...rest] = operation.selectionSet.selections;
        if (!root || root.kind !== Kind.FIELD) return undefined;
        const after = root.arguments?.find((a) => a.name.value === 'after');
        if (!after) return undefined;
        if (after.value.kind === Kind.VARIABLE) cursorVariables.add(after.value.name.value);
        const stripped: FieldNode = { ...root, arguments: root.arguments!.filter((a) => a !== after) };
        return {
          ...operation,
          variableDefinitions: operation.variableDefinitions?.filter(
            (d) => !cursorVariables.has(d.variable.name.value),
          ),
          selectionSet: { ...operation.selectionSet, selections: [stripped, ...rest] },
        };
      },
    },
  });
  const variables = Object.entries(args.variableValues ?? {})
    .filter(([name]) => !cursorVariables.has(name))
    .sort(([a], [b]) => a.localeCompare(b));
  return `${print(document)}\u0000${args.operationName ?? ''}\u0000${JSON.stringify(variables)}`;
}
