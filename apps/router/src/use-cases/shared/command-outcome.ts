import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import type { CommandOutcome } from '../../commands/routing-command.publisher';

const CODES = new Set<string>(Object.values(RoutingErrorCode));

/** The owner applied the command, or has not yet within the wait (it will: it is on Kafka). */
export type Settled =
  { readonly status: 'applied' } | { readonly status: 'pending'; readonly commandId: string };

/**
 * What `sendAndWait` reports, with a refusal turned back into the engine's `RoutingError`,
 * so the edge maps every refusal the same way, whichever replica applied it.
 */
export function settled(result: { commandId: string; outcome: CommandOutcome }): Settled {
  const { outcome } = result;
  switch (outcome.status) {
    case 'applied':
      return { status: 'applied' };
    case 'pending':
      return { status: 'pending', commandId: result.commandId };
    case 'refused':
      if (!CODES.has(outcome.code))
        throw new Error(`The router refused a command with an unknown code ${outcome.code}`);
      throw new RoutingError(outcome.code as RoutingErrorCode, outcome.message);
  }
}
