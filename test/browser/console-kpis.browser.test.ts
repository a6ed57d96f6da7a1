import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startBaton } from './baton-server.js';
import { launchChromium } from './chromium.js';

const LIVE = { timeout: 20_000 };

/** The console's KPI section as a department head reads it: one line per department. */
describe('KPIs per department in the console', () => {
  let baton: Awaited<ReturnType<typeof startBaton>>;
  let browser: Browser;

  beforeAll(async () => {
    baton = await startBaton();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  const say = async (conversation: string, personId: string, text: string) => {
    const res = await fetch(`${baton.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ conversation, personId, text }),
    });
    expect(res.status).toBeLessThan(300);
  };

  it('shows a line per department, per person on request, and a CSV Excel opens', async () => {
    await say('office', 'zhengyi', '/任务 换灯泡\n换灯泡 @张三 明天');
    const get = async (path: string) =>
      (
        await fetch(`${baton.url}${path}`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
      ).json() as Promise<Record<string, unknown[]>>;
    await expect
      .poll(async () => JSON.stringify(await get('/sim/api/conversations/user:zhangsan')), LIVE)
      .toContain('#1.1');
    await say('user:zhangsan', 'zhangsan', '/完成 #1.1');
    await expect
      .poll(async () => JSON.stringify((await get('/api/kpis')).rows), LIVE)
      .toContain('"nodesFinished":1');

    const page = await browser.newPage();
    await page.goto(`${baton.url}/?token=${ADMIN_TOKEN}`);
    await page.locator('#kpis').waitFor(LIVE);
    const table = page.getByRole('table', { name: /本周各(部门|人员)指标/ });
    await table.waitFor(LIVE);
    const line = (name: string) =>
      table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect
      .poll(() => line('后勤部').locator('td').allTextContents(), LIVE)
      .toEqual(['1', '100%', '—', expect.stringMatching(/秒|分钟/), '0%', '0', '0', '—']);

    await page.getByLabel('分组').selectOption('person');
    await page.getByRole('table', { name: /本周各人员指标/ }).waitFor(LIVE);
    await line('张三').waitFor(LIVE);

    const href = (await page.getByRole('link', { name: '下载 CSV' }).getAttribute('href')) ?? '';
    const csv = await page.request.get(new URL(href, baton.url).toString());
    const text = await csv.text();
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toMatch(/^人员编号,人员,完成节点数,/);
    expect(text).toMatch(/\r\nzhangsan,张三,1,1,100%,/);
    await page.close();
  }, 90_000);
});
