import { isTransientDatabaseError } from '../../../src/lib/transient-database-error';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    [
      'PostgreSQL shutting down (57P01)',
      withCode('57P01', 'select 1 - terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection failure (08006)', withCode('08006')],
    ['a connection that ended', new Error('Connection terminated unexpectedly')],
    [
      'the pool timing out',
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    ],
    ['SQLite busy', withCode('SQLITE_BUSY', 'database is locked')],
    [
      'the cause of a wrapping error',
      Object.assign(new Error('Writing failed'), { cause: withCode('ECONNRESET') }),
    ],
  ])('%s is transient', (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    [
      'a unique violation (23505)',
      withCode('23505', 'duplicate key value violates unique constraint'),
    ],
    ['a syntax error (42601)', withCode('42601', 'syntax error at or near "selec"')],
    [
      'a validation error',
      Object.assign(new Error('lead must be at most 3000 characters'), { name: 'ValidationError' }),
    ],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('%s is not', (_label, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
