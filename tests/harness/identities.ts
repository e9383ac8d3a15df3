import type { TestApp } from './strapi';
import { createApiToken } from './tokens';

export type Who = 'public' | 'end user' | 'read-only token' | 'full-access token' | 'admin';

/** An Authorization header for each kind of caller (none for the public). */
export const createIdentities = async (app: TestApp): Promise<Record<Who, string | undefined>> => {
  const user = await app
    .http()
    .post('/api/auth/local/register')
    .send({ username: 'reader', email: 'reader@example.com', password: 'Reader-Pass-1234' })
    .expect(200);
  await app
    .http()
    .post('/admin/register-admin')
    .send({
      firstname: 'Editor',
      lastname: 'Admin',
      email: 'admin@example.com',
      password: 'Admin-Pass-1234',
    })
    .expect(200);
  const admin = await app
    .http()
    .post('/admin/login')
    .send({ email: 'admin@example.com', password: 'Admin-Pass-1234' })
    .expect(200);
  return {
    public: undefined,
    'end user': `Bearer ${user.body.jwt}`,
    'read-only token': await createApiToken(app.strapi, 'read-only'),
    'full-access token': await createApiToken(app.strapi, 'full-access'),
    admin: `Bearer ${admin.body.data.token}`,
  };
};
