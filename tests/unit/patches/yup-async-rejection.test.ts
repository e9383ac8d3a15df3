/**
 * patches/yup+0.32.9.patch: yup 0.32.9 (pinned by Strapi 5) drops a rejected async test (jquense/yup#1326,
 * fixed upstream only in 1.x). Strapi's uid/unique check is such a test: a database error during it became
 * an unhandled rejection that killed the process (the importer, mid-run, during a database restart) and
 * left the validation unsettled. With the patch the error reaches the caller, who can retry.
 */
// The copy Strapi's validators use.
const yup = require(
  require.resolve('yup', { paths: [require.resolve('@strapi/utils')] })
) as typeof import('yup');

it('an async test that rejects makes validate reject with its error', async () => {
  const lost = new Error('terminating connection due to administrator command');
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    const schema = yup.string().test('unique', 'taken', async () => {
      throw lost;
    });
    await expect(schema.validate('slug')).rejects.toBe(lost);
    await new Promise((resolve) => setImmediate(resolve));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
}, 5_000);

it('an async test that fails still answers a validation error', async () => {
  const schema = yup.string().test('unique', 'taken', async () => false);
  await expect(schema.validate('slug')).rejects.toMatchObject({
    name: 'ValidationError',
    errors: ['taken'],
  });
});
