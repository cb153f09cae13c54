import type { CapacityModel } from './model';

// Units may be fractional (0.5 for an email); sums are compared with a tolerance.
const EPSILON = 1e-9;

export function unitsFor(capacity: CapacityModel, channel: string): number {
  return capacity.channels?.[channel]?.units ?? 1;
}

export function maxFor(capacity: CapacityModel, channel: string): number {
  return capacity.channels?.[channel]?.max ?? Number.POSITIVE_INFINITY;
}

/** Whether one more conversation on `channel` fits next to what the agent already holds. */
export function fits(
  capacity: CapacityModel,
  usedUnits: number,
  onChannel: number,
  channel: string,
): boolean {
  return (
    onChannel < maxFor(capacity, channel) &&
    usedUnits + unitsFor(capacity, channel) <= capacity.totalUnits + EPSILON
  );
}

export function hasFreeUnits(capacity: CapacityModel, usedUnits: number): boolean {
  return usedUnits < capacity.totalUnits - EPSILON;
}
