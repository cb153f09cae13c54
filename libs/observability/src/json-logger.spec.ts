import { Writable } from 'node:stream';
import { withCorrelation } from './correlation';
import { createRootLogger, JsonLogger } from './json-logger';

function capture(): { lines: () => Array<Record<string, unknown>>; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
  };
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with service, level, context and the correlation id', () => {
    const out = capture();
    const logger = new JsonLogger(createRootLogger('gateway', 'info', out.stream));
    withCorrelation({ correlationId: 'trace-42' }, () => logger.log('accepted', 'ApiChannel'));
    logger.warn('outside any request', 'Bootstrap');
    const [inside, outside] = out.lines();
    expect(inside).toMatchObject({
      service: 'gateway',
      level: 'info',
      context: 'ApiChannel',
      correlationId: 'trace-42',
      msg: 'accepted',
    });
    expect(outside).toMatchObject({ level: 'warn', msg: 'outside any request' });
    expect(outside).not.toHaveProperty('correlationId');
  });

  it('keeps an error and its stack as structured fields', () => {
    const out = capture();
    const logger = new JsonLogger(createRootLogger('conversations', 'info', out.stream));
    logger.error(new Error('database went away'), 'OutboxRelay');
    const [line] = out.lines();
    expect(line).toMatchObject({
      level: 'error',
      context: 'OutboxRelay',
      msg: 'database went away',
    });
    expect((line.err as { stack: string }).stack).toContain('database went away');
  });

  it('drops messages below the configured level', () => {
    const out = capture();
    const logger = new JsonLogger(createRootLogger('gateway', 'warn', out.stream));
    logger.log('chatty');
    logger.debug('chattier');
    expect(out.lines()).toEqual([]);
  });
});
