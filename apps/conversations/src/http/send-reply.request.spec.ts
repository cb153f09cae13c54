import { sendReplyRequestSchema } from './send-reply.request';

const valid = { agentId: 'ada.lovelace-1', text: 'Your parcel left our warehouse today.' };

describe('sendReplyRequestSchema', () => {
  it('takes an agent and a text, the client id being optional', () => {
    expect(sendReplyRequestSchema.parse(valid)).toEqual(valid);
    expect(sendReplyRequestSchema.parse({ ...valid, clientMessageId: 'draft-1' })).toEqual({
      ...valid,
      clientMessageId: 'draft-1',
    });
  });

  it('keeps the text exactly as written, up to 65,536 characters', () => {
    const text = ` ${'x'.repeat(65_534)} `;
    expect(sendReplyRequestSchema.parse({ ...valid, text }).text).toBe(text);
  });

  it.each([
    ['agentId', { agentId: undefined }],
    ['agentId', { agentId: '' }],
    ['agentId', { agentId: '-ada' }],
    ['agentId', { agentId: 'agent:ada' }],
    ['agentId', { agentId: 'a'.repeat(65) }],
    ['text', { text: undefined }],
    ['text', { text: '' }],
    ['text', { text: 'x'.repeat(65_537) }],
    ['text', { text: 'a\u0000b' }],
    ['text', { text: 'broken \ud800 surrogate' }],
    ['text', { text: 42 }],
    ['clientMessageId', { clientMessageId: '' }],
    ['clientMessageId', { clientMessageId: 'x'.repeat(129) }],
    ['clientMessageId', { clientMessageId: 'a\u0000' }],
  ])('names %s when it is wrong (%j)', (field, change) => {
    const result = sendReplyRequestSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([[field]]);
  });
});
