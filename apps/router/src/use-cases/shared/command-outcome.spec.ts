import { RoutingError, RoutingErrorCode } from '@switchboard/routing';
import { settled } from './command-outcome';

const commandId = '9b1f1c2e-3d4a-4b5c-8d6e-7f8091a2b3c4';

describe('settled', () => {
  it('reports an applied command, and a pending one with its id', () => {
    expect(settled({ commandId, outcome: { status: 'applied' } })).toEqual({ status: 'applied' });
    expect(settled({ commandId, outcome: { status: 'pending' } })).toEqual({
      status: 'pending',
      commandId,
    });
  });

  it('turns a refusal back into the engine’s error, code and message', () => {
    const attempt = (): unknown =>
      settled({
        commandId,
        outcome: { status: 'refused', code: 'offer_not_pending', message: 'no offer' },
      });
    expect(attempt).toThrow(RoutingError);
    expect(attempt).toThrow(
      expect.objectContaining({ code: RoutingErrorCode.OfferNotPending, message: 'no offer' }),
    );
  });

  it('fails loudly on a refusal code the engine does not have', () => {
    expect(() =>
      settled({ commandId, outcome: { status: 'refused', code: 'gremlins', message: '?' } }),
    ).toThrow(/unknown code gremlins/);
  });
});
