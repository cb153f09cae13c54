import { parseMessageId, parseMessageIds } from './message-id';

describe('parseMessageIds', () => {
  it('reads bracketed ids separated by spaces, commas or folding, in order, once each', () => {
    expect(parseMessageIds('<a@x>, <b@x>\r\n\t<c@x> <a@x>')).toEqual(['a@x', 'b@x', 'c@x']);
  });

  it('joins mailparser’s array form', () => {
    expect(parseMessageIds(['<old@x>', '<new@x>'])).toEqual(['old@x', 'new@x']);
  });

  it('accepts ids without brackets', () => {
    expect(parseMessageIds('a@x b@x,c@x')).toEqual(['a@x', 'b@x', 'c@x']);
  });

  it('skips empty and overlong ids', () => {
    expect(parseMessageIds(`<> <${'x'.repeat(999)}> <ok@x>`)).toEqual(['ok@x']);
    expect(parseMessageIds(undefined)).toEqual([]);
    expect(parseMessageIds('   ')).toEqual([]);
  });
});

describe('parseMessageId', () => {
  it('takes the one id without brackets, or null', () => {
    expect(parseMessageId(' <m@x> ')).toBe('m@x');
    expect(parseMessageId('')).toBeNull();
    expect(parseMessageId(undefined)).toBeNull();
  });
});
