import { PermanentError, TransientError } from '@switchboard/bus';
import { classifyFailure } from './classify-failure';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
const typeormError = (code: string) =>
  Object.assign(new Error('QueryFailedError'), { driverError: { code } });

describe('classifyFailure', () => {
  it.each(['08006', '57P01', '53300', '40001', '40P01'])('retries %s without limit', (code) => {
    expect(classifyFailure(pgError(code))).toBeInstanceOf(TransientError);
    expect(classifyFailure(typeormError(code))).toBeInstanceOf(TransientError);
  });

  it('retries a lost unique-index race', () => {
    expect(classifyFailure(typeormError('23505'))).toBeInstanceOf(TransientError);
  });

  it.each(['22021', '22P05', '23503', '23514'])(
    'dead-letters data PostgreSQL rejects (%s)',
    (code) => {
      expect(classifyFailure(typeormError(code))).toBeInstanceOf(PermanentError);
    },
  );

  it('retries when the database cannot be reached at all', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(classifyFailure(refused)).toBeInstanceOf(TransientError);
    expect(classifyFailure(new Error('Connection terminated unexpectedly'))).toBeInstanceOf(
      TransientError,
    );
  });

  it('leaves other errors to the bounded retries', () => {
    const bug = new TypeError('x is undefined');
    expect(classifyFailure(bug)).toBe(bug);
  });
});
