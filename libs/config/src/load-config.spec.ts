import { z } from 'zod';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';
import { baseServiceSchema, settings } from './settings';

describe('loadConfig', () => {
  const valid = {
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/switchboard',
    KAFKA_BROKERS: '127.0.0.1:9092, 127.0.0.1:9093',
  };

  it('parses and applies defaults', () => {
    const config = loadConfig(baseServiceSchema, valid);
    expect(config.KAFKA_BROKERS).toEqual(['127.0.0.1:9092', '127.0.0.1:9093']);
    expect(config.KAFKA_TOPIC_PARTITIONS).toBe(6);
    expect(config.LOG_LEVEL).toBe('info');
  });

  it('names every bad setting and what it got', () => {
    expect.assertions(3);
    try {
      loadConfig(baseServiceSchema, { KAFKA_BROKERS: 'nohostport', LOG_LEVEL: 'loud' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toMatch(/DATABASE_URL: .*not set/);
      expect(message).toMatch(
        /KAFKA_BROKERS\.0: each broker must be host:port|KAFKA_BROKERS: .*host:port/,
      );
      expect(message).toMatch(/LOG_LEVEL: .*got "loud"/);
    }
  });

  it('never prints a secret it rejects', () => {
    const schema = z.object({ API_SECRET: z.string().min(32) });
    expect(() => loadConfig(schema, { API_SECRET: 'short-secret' })).toThrow(
      /API_SECRET: .*\*\*\*/,
    );
  });

  it('never prints the credentials of a malformed connection string', () => {
    for (const url of ['postgress://app:Sup3rSecret@db/x', 'postgres://app:s3cr#t/pw@db:5432/x']) {
      try {
        loadConfig(baseServiceSchema, { DATABASE_URL: url, KAFKA_BROKERS: 'k:9092' });
        throw new Error('expected a ConfigError');
      } catch (error) {
        expect((error as Error).message).toMatch(/DATABASE_URL/);
        expect((error as Error).message).not.toMatch(/Sup3rSecret|s3cr/);
      }
    }
  });

  it('coerces numbers and rejects out-of-range ports', () => {
    const schema = z.object({ PORT: settings.port(3000) });
    expect(loadConfig(schema, { PORT: '8080' }).PORT).toBe(8080);
    expect(() => loadConfig(schema, { PORT: '70000' })).toThrow(/PORT/);
  });
});
