import { addressList, parseMailboxes, plusTokenOf, replyTokenOf } from './mailbox';

describe('parseMailboxes', () => {
  it('reads names (RFC 2047 too), addresses, and flattens groups', () => {
    expect(
      parseMailboxes(
        '"Doe, Jane" <Jane@Example.com>, =?UTF-8?Q?M=C3=BCller?= <m@x.de>, Team: a@x, b@x;',
      ),
    ).toEqual([
      { address: 'Jane@Example.com', name: 'Doe, Jane' },
      { address: 'm@x.de', name: 'Müller' },
      { address: 'a@x', name: null },
      { address: 'b@x', name: null },
    ]);
    expect(parseMailboxes('undisclosed-recipients:;')).toEqual([]);
    expect(parseMailboxes(null)).toEqual([]);
  });
});

describe('addressList', () => {
  it('lower-cases addresses', () => {
    expect(addressList([{ address: 'Jane@Example.COM', name: null }])).toEqual([
      'jane@example.com',
    ]);
  });
});

describe('replyTokenOf', () => {
  it('finds the first reply+<token>@ address and keeps the token’s case', () => {
    expect(replyTokenOf(['help@acme.test', 'Reply+AbC-123@acme.test', 'reply+later@x'])).toBe(
      'AbC-123',
    );
    expect(
      replyTokenOf(['reply@acme.test', 'replies+x@acme.test', 'x+reply+y@acme.test']),
    ).toBeNull();
    expect(replyTokenOf([`reply+${'t'.repeat(257)}@acme.test`])).toBeNull();
  });
});

describe('plusTokenOf', () => {
  it('reads the tag of the inbox the mail was delivered to', () => {
    expect(plusTokenOf(['support+Conv-1@acme.test'])).toBe('Conv-1');
    expect(plusTokenOf(['support@acme.test'])).toBeNull();
  });
});
