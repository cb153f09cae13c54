import { Injectable } from '@nestjs/common';
import { explainRouting, RoutingEngine, type Explanation } from '@switchboard/routing';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../clock';
import { RoutingStateRepository } from '../../state/routing-state.repository';
import { RoutedWorkRepository, type HistoryEntry } from '../shared/routed-work.repository';
import { RoutingApiException } from '../shared/routing-api.exception';
import type { ExplainRoutingQuery } from './explain-routing.command';

export interface RoutingExplanation {
  /** Why it is with its agent, or why it still waits, judged against every agent now. */
  readonly live: Explanation;
  /** Every decision about it, oldest first. */
  readonly history: readonly HistoryEntry[];
}

/**
 * Answers "why this agent?" and "why is it still waiting?" on any replica: an engine is
 * rebuilt from the tenant's stored state, asked, and thrown away (nothing it decides while
 * catching up is written or announced; the owner makes the real decisions).
 */
@Injectable()
export class ExplainRoutingUseCase {
  constructor(
    private readonly state: RoutingStateRepository,
    private readonly work: RoutedWorkRepository,
    private readonly clock: Clock,
  ) {}

  async execute(query: ExplainRoutingQuery): Promise<RoutingExplanation> {
    const { tenantId, conversationId } = query;
    const [{ config, state }, history] = await Promise.all([
      this.state.readSnapshot(tenantId),
      this.work.history(tenantId, conversationId),
    ]);
    const engine = new RoutingEngine({ settings: config.settings, newId: randomUUID });
    engine.restore(state, this.clock.now());
    const live = explainRouting(engine, conversationId);
    if (live.state === 'not_routed' && history.length === 0)
      throw RoutingApiException.notRouted(conversationId);
    return { live, history };
  }
}
