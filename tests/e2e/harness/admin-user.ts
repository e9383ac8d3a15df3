/** The first admin, registered by editor.e2e.test.ts (or over the API by a test run on its own). */
export const ADMIN = {
  firstname: 'مریم',
  lastname: 'احمدی',
  email: 'dabir@pishkhan.test',
  password: 'Sardabir-1403',
};
