import { htmlToText } from './html-text';

describe('htmlToText', () => {
  it('renders paragraphs and line breaks without wrapping long lines', () => {
    const long = 'word '.repeat(40).trim();
    expect(htmlToText(`<p>One<br />two</p><p>${long}</p>`)).toBe(`One\ntwo\n\n${long}`);
  });

  it('shows a link target unless it is the link text, and skips images', () => {
    expect(htmlToText('<a href="https://x.example/a">here</a> <img src="cid:a" alt="pic" />')).toBe(
      'here [https://x.example/a]',
    );
    expect(htmlToText('<a href="https://x.example/a">https://x.example/a</a>')).toBe(
      'https://x.example/a',
    );
  });

  it('renders a blockquote as a quote, which the reply parser then cuts', () => {
    expect(htmlToText('<p>New</p><blockquote><p>Old</p></blockquote>')).toBe('New\n\n> Old');
  });
});
