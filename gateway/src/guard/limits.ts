/** The most tokens an operation may have (a wallboard query has a few hundred). */
export const MAX_OPERATION_TOKENS = 20_000;
