import { emailFixture } from './testing/email-fixtures';
import { visibleText } from './visible-text';

describe('visibleText', () => {
  it('cuts a Gmail "On … wrote:" header wrapped over two lines, and the quote under it', () => {
    const text = emailFixture('reply-text/email_gmail_split_line_from.txt').toString('utf8');
    expect(visibleText(text)).toBe(
      [
        'Fusce bibendum, quam hendrerit sagittis tempor, dui turpis tempus erat, pharetra sodales ante sem sit amet metus.',
        'Nulla malesuada, orci non vulputate lobortis, massa felis pharetra ex, convallis consectetur ex libero eget ante.',
        'Nam vel turpis posuere, rhoncus ligula in, venenatis orci. Duis interdum venenatis ex a rutrum.',
        'Duis ut libero eu lectus consequat consequat ut vel lorem. Vestibulum convallis lectus urna,',
        'et mollis ligula rutrum quis. Fusce sed odio id arcu varius aliquet nec nec nibh.',
      ].join('\n'),
    );
  });

  it('cuts four levels of nested quotes', () => {
    const text = emailFixture('reply-text/email_tricky_9_nested_quotes.txt').toString('utf8');
    expect(visibleText(text)).toBe('I agree with the points below.');
  });

  it('cuts an Outlook "From: … [mailto:…]" block', () => {
    const text =
      'Hello\n\nFrom: x@example.com [mailto:x@example.com]\nSent: Monday\nTo: Dan\n\nOld text\n';
    expect(visibleText(text)).toBe('Hello');
  });

  it('cuts "-- " signatures and "Sent from my iPhone"', () => {
    expect(visibleText('Thanks, will do.\n\n-- \nBob\nACME Inc\n')).toBe('Thanks, will do.');
    expect(visibleText('Sure thing\n\nSent from my iPhone\n')).toBe('Sure thing');
  });

  it('keeps indentation and reads CRLF text', () => {
    expect(
      visibleText('Steps:\r\n  1. open\r\n    code\r\n\r\nOn Mon, Bob wrote:\r\n> hi\r\n'),
    ).toBe('Steps:\n  1. open\n    code');
  });

  it('keeps everything when nothing would be left', () => {
    expect(visibleText('> quoted\n> only\n')).toBe('> quoted\n> only');
    expect(visibleText('')).toBe('');
  });
});
