import type { Page } from 'playwright-core';

/**
 * A browser's part in signing in to the console, over plain HTTP: follows the redirects by hand and keeps the
 * cookies as a browser keeps them for 127.0.0.1 (one jar for every port). Returns the jar once back on the console.
 */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at);
      const value = pair.slice(at + 1);
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: this.header() },
    });
    this.take(response);
    return response;
  }
}

const locationOf = (response: Response, base: string): string => {
  const location = response.headers.get('location');
  if (!location) throw new Error(`expected a redirect from ${base}, got ${response.status}`);
  return new URL(location, base).href;
};

/** Signs in as `email` from `start` (a console URL), and answers the page the console finally sends the person to. */
export const signInOverHttp = async (
  start: string,
  email: string,
  password: string,
  jar = new CookieJar(),
): Promise<{ jar: CookieJar; landedOn: string }> => {
  let url = start;
  let response = await jar.fetch(url);
  // Console → sign-in → the provider's authorization endpoint → its login page.
  while (response.status >= 300 && response.status < 400) {
    url = locationOf(response, url);
    response = await jar.fetch(url);
  }
  if (!/\/interaction\//.test(url)) throw new Error(`expected the login page, got ${url}`);
  response = await jar.fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  // The provider → the console's callback → the page asked for.
  while (
    response.status >= 300 &&
    response.status < 400 &&
    !new URL(url).pathname.startsWith('/console/callback')
  ) {
    url = locationOf(response, url);
    response = await jar.fetch(url);
  }
  return { jar, landedOn: locationOf(response, url) };
};

/** Signs in as a person would: the console, the provider's login form, and back on the console's home. */
export const signInInBrowser = async (
  page: Page,
  apiUrl: string,
  user: { email: string; password: string },
) => {
  await page.goto(`${apiUrl}/console`);
  await page.waitForURL(/\/interaction\//);
  await page.getByLabel(/メールアドレス/).fill(user.email);
  await page.getByLabel(/パスワード/).fill(user.password);
  await Promise.all([
    page.waitForURL(/\/console$/),
    page.getByRole('button', { name: /サインイン/ }).click(),
  ]);
};
