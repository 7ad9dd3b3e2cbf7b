import { AppError, badInput, ErrorCode } from '@reglament/shared/domain';
import type { PartnerCredential } from '../context';
import { type PersistedOperation, requestedDocumentId } from './manifest';
import type { ManifestStore } from './manifest-store';

export interface OperationRequest {
  query?: unknown;
  extensions?: unknown;
  documentId?: unknown;
}

/**
 * A partner key runs only operations of its partner's manifest, named by id. Anything else is
 * refused: no id -> PERSISTED_QUERY_NOT_ALLOWED; an id the manifest lacks -> PERSISTED_QUERY_NOT_FOUND.
 */
export function trustedOperation(
  manifests: ManifestStore,
  partner: PartnerCredential,
  request: OperationRequest,
): PersistedOperation {
  let id: string | null;
  try {
    id = requestedDocumentId(request);
  } catch (error) {
    throw badInput((error as Error).message);
  }
  if (id === null) {
    throw new AppError(
      ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
      'A partner key may run only the operations of its manifest, by id ' +
        '(extensions.persistedQuery.sha256Hash or documentId); free-form operations are not allowed',
    );
  }
  const operation = manifests.operation(partner.partner, id);
  if (!operation) {
    throw new AppError(
      ErrorCode.PERSISTED_QUERY_NOT_FOUND,
      `The manifest of partner "${partner.partner}" has no operation ${id}`,
      { documentId: id },
    );
  }
  if (typeof request.query === 'string' && request.query.length > 0 && request.query !== operation.body) {
    throw new AppError(
      ErrorCode.PERSISTED_QUERY_NOT_ALLOWED,
      'Send only the id of a trusted operation: a query text that differs from the manifest is not allowed',
    );
  }
  return operation;
}
