import { inboundMessageReceivedV1 } from '@switchboard/contracts';
import { clip, EMAIL_LIMITS } from './email-limits';

describe('EMAIL_LIMITS', () => {
  it('matches the contract’s attachment maximum, which zod does not expose', () => {
    const attachment = {
      url: null,
      providerMediaId: null,
      name: null,
      contentType: null,
      size: 1,
      contentId: null,
    };
    const schema = inboundMessageReceivedV1.shape.attachments;
    expect(schema.safeParse(Array(EMAIL_LIMITS.attachments).fill(attachment)).success).toBe(true);
    expect(schema.safeParse(Array(EMAIL_LIMITS.attachments + 1).fill(attachment)).success).toBe(
      false,
    );
  });
});

describe('clip', () => {
  it('cuts to the limit without splitting a surrogate pair', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip('abcdef', 3)).toBe('abc');
    expect(clip('a😀', 2)).toBe('a');
  });
});
