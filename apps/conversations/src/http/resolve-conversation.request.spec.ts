import { resolveConversationRequestSchema } from './resolve-conversation.request';

describe('resolveConversationRequestSchema', () => {
  it.each([undefined, {}])('says "api" resolved it when the body (%j) does not say who', (body) => {
    expect(resolveConversationRequestSchema.parse(body)).toEqual({ resolvedBy: 'api' });
  });

  it('keeps who resolved it, trimmed', () => {
    expect(resolveConversationRequestSchema.parse({ resolvedBy: ' agent:ada ' })).toEqual({
      resolvedBy: 'agent:ada',
    });
  });

  it.each(['', '   ', 'x'.repeat(201), 'a\u0000b'])('refuses resolvedBy %j', (resolvedBy) => {
    const result = resolveConversationRequestSchema.safeParse({ resolvedBy });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['resolvedBy']);
  });
});
