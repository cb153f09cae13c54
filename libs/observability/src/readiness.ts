/** A dependency a service needs before it can take traffic (its database, its bus). */
export interface ReadinessCheck {
  name: string;
  check(): Promise<{ ok: boolean; detail: string }>;
}

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
