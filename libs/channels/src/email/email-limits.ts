import { INBOUND_LIMITS } from '../contract-limits';

export { clip } from '../contract-limits';

/** The contract's limits as email fields use them (`address` is a mailbox here). */
export const EMAIL_LIMITS = { ...INBOUND_LIMITS, address: INBOUND_LIMITS.emailAddress } as const;
