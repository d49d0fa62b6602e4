import { DEMO_PASSWORD } from '../../src/seed/demo-data';

/** A minimal HTTP client with a cookie jar, talking to the real server like a browser would. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(readonly baseUrl: string, private locale = 'fr') {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const h: Record<string, string> = { origin: this.baseUrl.replace('127.0.0.1', 'localhost'), 'accept-language': this.locale, ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const raw of res.headers.getSetCookie()) {
      const [pair = ''] = raw.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (!value || /max-age=0/i.test(raw)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, undefined, headers);
  }
  post(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', path, body ?? {}, headers);
  }
  put(path: string, body?: unknown) {
    return this.request('PUT', path, body ?? {});
  }
  patch(path: string, body?: unknown) {
    return this.request('PATCH', path, body ?? {});
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<Response> {
    return this.post('/api/auth/sign-in/email', { email, password });
  }

  /** The Cookie header this client sends (for other transports acting as the same browser). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((k) => k.includes('session_token'));
  }
}

/** A client already signed in as one of the demo accounts. */
export async function signedIn(baseUrl: string, email: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const res = await client.signIn(email);
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  return client;
}

/** The account id of a signed-in client (GET /api/v1/me). */
export async function accountIdOf(client: TestClient): Promise<string> {
  return ((await (await client.get('/api/v1/me')).json()) as { account: { id: string } }).account.id;
}
