export interface SlaSettings {
  readonly scheduler: {
    readonly pollMs: number;
    readonly batchSize: number;
    readonly workers: number;
  };
}

export const SLA_SETTINGS = Symbol('SLA_SETTINGS');

/** Consumer group of the conversation and routing events the clocks follow. */
export const SLA_GROUP_ID = 'sla';
