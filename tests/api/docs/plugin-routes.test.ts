import { bootApp, TestApp } from '../../harness/strapi';
import { createApiToken } from '../../harness/tokens';

/**
 * The routes of Strapi's own plugins that the API exposes (users-permissions, upload, i18n), called as a
 * frontend calls them: every answer here, errors included, is checked against docs/openapi.json by the
 * harness's agent (tests/harness/contract.ts), so an answer the document does not describe fails its test.
 */
let app: TestApp;
let token: string;
beforeAll(async () => {
  app = await bootApp({ seed: false });
  token = await createApiToken(app.strapi);
});
afterAll(async () => {
  await app?.close();
});

// The smallest PNG: one transparent pixel.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
);

describe('users-permissions', () => {
  it('a reader registers, logs in, reads themself, lists sessions, refreshes and logs out', async () => {
    const registered = await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'reader', email: 'reader@example.com', password: 'Reader-Pass-1234' })
      .expect(200);
    expect(registered.body.user).toMatchObject({ username: 'reader', confirmed: true });

    const agent = app.http();
    const login = await agent
      .post('/api/auth/local')
      .send({ identifier: 'reader@example.com', password: 'Reader-Pass-1234' })
      .expect(200);
    const jwt = `Bearer ${login.body.jwt}`;
    const me = await agent.get('/api/users/me').set('Authorization', jwt).expect(200);
    expect(me.body).toMatchObject({ username: 'reader', email: 'reader@example.com' });
    expect(me.body).not.toHaveProperty('password');
    const sessions = await agent.get('/api/auth/sessions').set('Authorization', jwt).expect(200);
    expect(sessions.body.data.length).toBeGreaterThanOrEqual(1);
    // The refresh token travels in the httpOnly cookie the login set (config/plugins.ts).
    const refreshed = await agent.post('/api/auth/refresh').send({}).expect(200);
    expect(refreshed.body.jwt).toEqual(expect.any(String));
    await agent.post('/api/auth/logout').set('Authorization', jwt).send({}).expect(200);
  });

  it('a reader changes their password and ends a session; the forgotten-password and OAuth routes answer', async () => {
    await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'changer', email: 'changer@example.com', password: 'Changer-Pass-1234' })
      .expect(200);
    const login = () =>
      app
        .http()
        .post('/api/auth/local')
        .send({ identifier: 'changer@example.com', password: 'Changer-Pass-1234' })
        .expect(200);
    const first = await login();
    const second = await login();
    const sessions = await app
      .http()
      .get('/api/auth/sessions')
      .set('Authorization', `Bearer ${second.body.jwt}`)
      .expect(200);
    const other = sessions.body.data.find((session: { current: boolean }) => !session.current);
    await app
      .http()
      .delete(`/api/auth/sessions/${other.id}`)
      .set('Authorization', `Bearer ${second.body.jwt}`)
      .expect(200);
    const changed = await app
      .http()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${second.body.jwt}`)
      .send({
        currentPassword: 'Changer-Pass-1234',
        password: 'Changed-Pass-5678',
        passwordConfirmation: 'Changed-Pass-5678',
      })
      .expect(200);
    expect(changed.body.user.username).toBe('changer');
    expect(first.body.jwt).not.toBe(changed.body.jwt);
    // An unknown address is answered like a known one, so the route tells nobody who has an account.
    await app
      .http()
      .post('/api/auth/forgot-password')
      .send({ email: 'nobody@example.com' })
      .expect(200, { ok: true });
    // No OAuth provider is enabled.
    await app.http().get('/api/connect/github').expect(400);
  });

  it('a wrong password, a taken email and no login are refused with error bodies', async () => {
    await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'second', email: 'second@example.com', password: 'Second-Pass-1234' })
      .expect(200);
    const wrong = await app
      .http()
      .post('/api/auth/local')
      .send({ identifier: 'second@example.com', password: 'not-the-password' })
      .expect(400);
    expect(wrong.body.error.message).toBe('Invalid identifier or password');
    await app
      .http()
      .post('/api/auth/local/register')
      .send({ username: 'third', email: 'second@example.com', password: 'Third-Pass-1234' })
      .expect(400);
    await app.http().get('/api/users/me').expect(403);
    await app.http().get('/api/users/me').set('Authorization', 'Bearer nonsense').expect(401);
  });

  it('a full-access token lists, counts, reads, updates and deletes users, and reads roles', async () => {
    const created = await app
      .http()
      .post('/api/users')
      .set('Authorization', token)
      .send({
        username: 'made',
        email: 'made@example.com',
        password: 'Made-Pass-1234',
        role: (
          await app.strapi
            .db!.query('plugin::users-permissions.role')
            .findOne({ where: { type: 'authenticated' } })
        ).id,
      })
      .expect(201);
    const list = await app.http().get('/api/users').set('Authorization', token).expect(200);
    expect(list.body.map((user: { username: string }) => user.username)).toContain('made');
    await app.http().get('/api/users/count').set('Authorization', token).expect(200);
    await app
      .http()
      .get(`/api/users/${created.body.id}?populate=role`)
      .set('Authorization', token)
      .expect(200);
    await app
      .http()
      .put(`/api/users/${created.body.id}`)
      .set('Authorization', token)
      .send({ username: 'renamed' })
      .expect(200);
    await app
      .http()
      .delete(`/api/users/${created.body.id}`)
      .set('Authorization', token)
      .expect(200);
    // Strapi's users-permissions answers an unknown id with an empty 204 (documented as such).
    await app.http().get('/api/users/999999').set('Authorization', token).expect(204);

    const roles = await app
      .http()
      .get('/api/users-permissions/roles')
      .set('Authorization', token)
      .expect(200);
    const publicRole = roles.body.roles.find((each: { type: string }) => each.type === 'public');
    await app
      .http()
      .get(`/api/users-permissions/roles/${publicRole.id}`)
      .set('Authorization', token)
      .expect(200);
    await app
      .http()
      .get('/api/users-permissions/permissions')
      .set('Authorization', token)
      .expect(200);
    const role = { name: 'Subscriber', description: 'Paying readers', permissions: {} };
    await app
      .http()
      .post('/api/users-permissions/roles')
      .set('Authorization', token)
      .send(role)
      .expect(200, { ok: true });
    const subscriber = (
      await app.http().get('/api/users-permissions/roles').set('Authorization', token).expect(200)
    ).body.roles.find((each: { name: string }) => each.name === 'Subscriber');
    await app
      .http()
      .put(`/api/users-permissions/roles/${subscriber.id}`)
      .set('Authorization', token)
      .send({ ...role, description: 'Readers who pay' })
      .expect(200, { ok: true });
    await app
      .http()
      .delete(`/api/users-permissions/roles/${subscriber.id}`)
      .set('Authorization', token)
      .expect(200, { ok: true });
  });
});

describe('upload', () => {
  it('a full-access token uploads a file, lists, pages, reads and deletes it; the public may not', async () => {
    const uploaded = await app
      .http()
      .post('/api/upload')
      .set('Authorization', token)
      .attach('files', PIXEL, 'pixel.png')
      .expect(201);
    expect(uploaded.body[0]).toMatchObject({ name: 'pixel.png', mime: 'image/png' });
    const { id } = uploaded.body[0];
    const list = await app.http().get('/api/upload/files').set('Authorization', token).expect(200);
    expect(list.body.map((file: { id: number }) => file.id)).toContain(id);
    await app.http().get('/api/upload/files/page').set('Authorization', token).expect(200);
    await app.http().get(`/api/upload/files/${id}`).set('Authorization', token).expect(200);
    await app.http().delete(`/api/upload/files/${id}`).set('Authorization', token).expect(200);
    await app.http().get(`/api/upload/files/${id}`).set('Authorization', token).expect(404);
    await app.http().get('/api/upload/files').expect(403);
  });
});

describe('i18n', () => {
  it('a full-access token lists the locales; the public may not', async () => {
    const locales = await app
      .http()
      .get('/api/i18n/locales')
      .set('Authorization', token)
      .expect(200);
    expect(locales.body.map((locale: { code: string }) => locale.code).sort()).toEqual([
      'en',
      'fa',
    ]);
    await app.http().get('/api/i18n/locales').expect(403);
  });
});
