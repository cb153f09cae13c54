export interface RouterSettings {
  readonly instanceId: string;
  /** Partitions of the commands topic: a tenant's partition is its key's murmur2 hash modulo this. */
  readonly commandPartitions: number;
  readonly ownershipCheckMs: number;
}

export const ROUTER_SETTINGS = Symbol('ROUTER_SETTINGS');

/** Consumer group of the commands topic: one member owns each partition, so each tenant. */
export const ROUTER_GROUP_ID = 'router';
/** Consumer group that turns conversation events into routing commands (stateless). */
export const ROUTER_INTAKE_GROUP_ID = 'router-intake';
