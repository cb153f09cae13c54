import { parseMailDate } from './mail-date';

describe('parseMailDate', () => {
  it.each([
    ['Sun, 3 Apr 2022 11:48:20 -0700', '2022-04-03T18:48:20.000Z'],
    ['Sun, 18 Nov 2007 00:56:33 -0800 (PST)', '2007-11-18T08:56:33.000Z'],
    ['Thu, 13 Oct 2016 11:39:48 +0000', '2016-10-13T11:39:48.000Z'],
    ['5 Apr 12 16:59 GMT', '2012-04-05T16:59:00.000Z'],
    ['Fri, 19 May 2000 00:31:00 EDT', '2000-05-19T04:31:00.000Z'],
    ['Tue, 1 Jul 2003 10:52:37 +0530', '2003-07-01T05:22:37.000Z'],
    ['Mon, 1 Jan 99 00:00:00 +0000', '1999-01-01T00:00:00.000Z'],
    ['Wed, 31 Dec 2008 23:59:60 +0000', '2008-12-31T23:59:59.000Z'],
    ['Thu,\r\n 5 Apr 2012 16:59:01 +0200', '2012-04-05T14:59:01.000Z'],
  ])('reads %j', (header, iso) => {
    expect(parseMailDate(header)).toBe(iso);
  });

  it.each([
    'yesterday',
    '12',
    '',
    '31 Feb 2020 10:00:00 +0000',
    '1 Foo 2020 10:00 +0000',
    '1 Jan 2020 25:00 +0000',
  ])('gives null for %j rather than guessing', (header) => {
    expect(parseMailDate(header)).toBeNull();
  });

  it('reads a date without a zone as UTC, whatever the machine’s zone', () => {
    expect(parseMailDate('1 Jan 2020 10:00:00')).toBe('2020-01-01T10:00:00.000Z');
  });
});
