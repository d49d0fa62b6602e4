import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACCOUNTS, expect, signIn, test } from './helpers';

/** A local receiver: records each request (the e2e server runs with WEBHOOKS_ALLOW_PRIVATE=on). */
async function receiver() {
  const got: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const srv = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/e2e`, got, close: () => new Promise<void>((r) => srv.close(() => r())) };
}

test('an ADMIN adds a webhook, copies its secret, sends a test: the receiver gets it signed, the log says sent', async ({ page }) => {
  const rx = await receiver();
  try {
    await signIn(page, ACCOUNTS.admin);
    await expect(page.getByTestId('page-planning')).toBeVisible();
    await page.getByTestId('nav-admin').click();
    await expect(page.getByTestId('page-admin')).toBeVisible();
    await page.getByTestId('webhook-add').click();
    await page.getByTestId('webhook-url').fill(rx.url);
    await page.getByTestId('webhook-event-timesheet.validated').check();
    await page.getByTestId('webhook-create').click();
    const secret = (await page.getByTestId('webhook-secret-value').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_/);
    const card = page.locator('[data-testid^="webhook-"]').filter({ hasText: rx.url }).first();
    await card.getByTestId('webhook-test').click();
    await expect.poll(() => rx.got.length, { timeout: 30_000 }).toBe(1);
    const [hit] = rx.got;
    const [t, v1] = String(hit!.headers['x-coulisses-signature']).split(',').map((p) => p.split('=')[1]);
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${hit!.body}`).digest('hex'));
    expect(hit!.headers['x-coulisses-event']).toBe('ping');
    await card.getByTestId('webhook-log-toggle').click();
    await expect(card.getByTestId('webhook-delivery-status').first()).toHaveText(/Envoy/);
    await card.getByTestId('webhook-delete').click();
    await card.getByTestId('webhook-delete-confirm').click();
    await expect(page.getByText(rx.url)).toHaveCount(0);
  } finally {
    await rx.close();
  }
});
