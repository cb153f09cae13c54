import { isAutomated } from './automated-mail';

function headers(values: Record<string, string[]>): (name: string) => string[] {
  return (name) => values[name] ?? [];
}

describe('isAutomated', () => {
  it.each([
    [{ 'auto-submitted': ['auto-replied'] }],
    [{ 'auto-submitted': ['Auto-Generated; owner-email="x@example.com"'] }],
    [{ 'x-autoreply': ['yes'] }],
    [{ 'x-autorespond': ['1'] }],
    [{ precedence: ['bulk'] }],
    [{ precedence: [' Junk '] }],
    [{ precedence: ['list'] }],
  ])('flags %j', (values) => {
    expect(isAutomated(headers(values))).toBe(true);
  });

  it.each([
    [{}],
    [{ 'auto-submitted': ['no'] }],
    [{ 'auto-submitted': ['No'] }],
    [{ 'x-autoreply': ['no'] }],
    [{ precedence: ['first-class'] }],
    [{ 'x-auto-response-suppress': ['All'] }],
  ])('lets %j through', (values) => {
    expect(isAutomated(headers(values))).toBe(false);
  });
});
