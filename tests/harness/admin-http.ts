/** A full-access API token for an instance reached over HTTP only: first admin, login, token. */
export const fullAccessTokenOver = async (url: string): Promise<string> => {
  const json = { 'Content-Type': 'application/json' };
  const credentials = { email: 'editor@example.com', password: 'Editor-Pass-1234' };
  await fetch(`${url}/admin/register-admin`, {
    method: 'POST', headers: json, body: JSON.stringify({ firstname: 'Editor', lastname: 'Chief', ...credentials }),
  });
  const login = (await (await fetch(`${url}/admin/login`, { method: 'POST', headers: json, body: JSON.stringify(credentials) })).json()) as { data: { token: string } };
  const token = (await (await fetch(`${url}/admin/api-tokens`, {
    method: 'POST',
    headers: { ...json, Authorization: `Bearer ${login.data.token}` },
    body: JSON.stringify({ name: `reliability-${Date.now()}`, type: 'full-access', lifespan: null }),
  })).json()) as { data: { accessKey: string } };
  return `Bearer ${token.data.accessKey}`;
};
