/** What `run` throws; fails the test when it throws nothing. */
export const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('Expected a throw, got a return.');
};
