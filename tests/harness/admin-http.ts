const json = { 'Content-Type': 'application/json' };

/** An administrator's session token for an instance reached over HTTP only: first admin (once), login. */
export const adminJwtOver = async (url: string): Promise<string> => {
  const credentials = { email: 'editor@example.com', password: 'Editor-Pass-1234' };
  await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ firstname: 'Editor', lastname: 'Chief', ...credentials }),
  });
  const login = (await (
    await fetch(`${url}/admin/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(credentials),
    })
  ).json()) as { data: { token: string } };
  return login.data.token;
};

/** A full-access API token for an instance reached over HTTP only: first admin, login, token. */
export const fullAccessTokenOver = async (url: string): Promise<string> => {
  const jwt = await adminJwtOver(url);
  const token = (await (
    await fetch(`${url}/admin/api-tokens`, {
      method: 'POST',
      headers: { ...json, Authorization: `Bearer ${jwt}` },
      body: JSON.stringify({
        name: `reliability-${Date.now()}`,
        type: 'full-access',
        lifespan: null,
      }),
    })
  ).json()) as { data: { accessKey: string } };
  return `Bearer ${token.data.accessKey}`;
};

/** A webhook, as an administrator adds it in Settings → Webhooks (instances started later load it). */
export const webhookOver = async (url: string, target: string, events: string[]): Promise<void> => {
  const jwt = await adminJwtOver(url);
  const res = await fetch(`${url}/admin/webhooks`, {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${jwt}` },
    body: JSON.stringify({ name: `reliability-${Date.now()}`, url: target, headers: {}, events }),
  });
  if (res.status >= 300) throw new Error(`webhook not created: ${res.status} ${await res.text()}`);
};
