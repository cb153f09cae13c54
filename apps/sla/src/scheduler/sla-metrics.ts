import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_RUNTIME, type ServiceRuntime } from '@switchboard/platform';
import { Counter, Histogram } from 'prom-client';

/** What operators watch: how many deadlines fired, and how late (the SLA of the SLA service). */
@Injectable()
export class SlaMetrics {
  readonly fired: Counter<'kind'>;
  readonly lateness: Histogram<'kind'>;
  readonly batchSeconds: Histogram;

  constructor(@Inject(SERVICE_RUNTIME) runtime: ServiceRuntime) {
    const registers = [runtime.metrics.registry];
    this.fired = new Counter({
      name: 'switchboard_sla_fired_total',
      help: 'SLA warnings and breaches fired by the scheduler',
      labelNames: ['kind'],
      registers,
    });
    this.lateness = new Histogram({
      name: 'switchboard_sla_fire_lateness_seconds',
      help: 'Fire time minus due time of SLA warnings and breaches',
      labelNames: ['kind'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30, 300, 3_600],
      registers,
    });
    this.batchSeconds = new Histogram({
      name: 'switchboard_sla_scheduler_batch_seconds',
      help: 'Time to claim, fire and commit one batch of due clocks',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
  }
}
