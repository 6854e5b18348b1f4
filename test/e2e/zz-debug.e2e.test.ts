import { describeE2E, it, loginAs, openPage, screenshot } from './harness.js';
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
describeE2E('debug', (ctx) => {
  it('network', async () => {
    const { server, browser } = ctx();
    const tx = [1, 2, 3].map((k) => ({ id: `t${k}`, time: hoursAgo(30 - k), amount: 9500, currency: 'USD', channel: 'cash', originator: { account: 'A1' }, beneficiary: { account: 'A9' } }));
    const r = await server.api<{ alerts: { id: string }[] }>('analyst', 'POST', '/api/transactions', { transactions: tx });
    const c = await server.api<{ case: { id: string } }>('analyst', 'POST', `/api/alerts/${r.alerts[0]?.id}/escalate`, {});
    const { page } = await openPage(browser);
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text().slice(0, 300)));
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await loginAs(page, server, 'analyst');
    await page.goto(`${server.url}/cases/${c.case.id}`);
    await page.getByRole('tab', { name: 'Network' }).waitFor();
    console.log('webgl2', await page.evaluate(() => { const c = document.createElement('canvas').getContext('webgl2'); return c ? (c.getParameter(c.VERSION) as string) : 'none'; }));
    if (process.env.NOGL) await page.evaluate(() => { const o = HTMLCanvasElement.prototype.getContext; HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, t: string, ...a: unknown[]) { return t.startsWith('webgl') ? null : (o as Function).call(this, t, ...a); } as never; });
    const t0 = Date.now();
    await page.getByRole('tab', { name: 'Network' }).click({ noWaitAfter: true, timeout: 5000 }).catch((e) => console.log('click', String(e).slice(0, 200)));
    console.log('clicked in', Date.now() - t0);
    for (let k = 0; k < 12; k++) {
      const alive = await Promise.race([page.evaluate(() => document.title), new Promise((res) => setTimeout(() => res('HUNG'), 5000))]);
      console.log('alive?', k, alive);
      if (alive !== 'HUNG') break;
    }
    await screenshot(page, 'zz-debug').catch((e) => console.log('shot', String(e).slice(0, 100)));
  });
});
