import { AppError, ErrorCode } from '@reglament/shared/domain';

/**
 * The bytes one request's answer may take (MAX_RESPONSE_BYTES). Subgraph answers are counted
 * as they arrive, so an answer past the cap is cut off before it is held in memory whole; the
 * client then gets RESPONSE_TOO_LARGE instead of a partial answer.
 */
export class ResponseBudget {
  private used = 0;
  exceeded = false;

  constructor(readonly maxBytes: number) {}

  /** Counts `bytes` more; throws once the cap is passed. */
  take(bytes: number): void {
    this.used += bytes;
    if (this.used > this.maxBytes) {
      this.exceeded = true;
      throw this.error();
    }
  }

  error(): AppError {
    return new AppError(
      ErrorCode.RESPONSE_TOO_LARGE,
      `The answer would be larger than ${this.maxBytes} bytes, the most this gateway sends: ask for fewer fields, ` +
        'smaller pages, or download files from Attachment.url (a mutation in it did run)',
      { maxResponseBytes: this.maxBytes },
    );
  }
}
