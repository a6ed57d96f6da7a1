import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startBaton } from './baton-server.js';
import { launchChromium } from './chromium.js';

const LIVE = { timeout: 20_000 };
/** Screenshots for the README, written only when asked (`BATON_SCREENSHOTS=1`). */
const SCREENSHOTS = process.env.BATON_SCREENSHOTS === '1' ? 'docs/screenshots' : null;

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
const DAY = 86_400_000;

/** A day `days` from now in Shanghai, as 活动日期 is written. */
const shanghaiDate = (days: number) =>
  new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);

describe('cards in the simulator and on the console task page', () => {
  let baton: Awaited<ReturnType<typeof startBaton>>;
  let browser: Browser;
  const eventDate = shanghaiDate(20);

  beforeAll(async () => {
    baton = await startBaton();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  async function actAs(page: Page, personId: string, chat: string) {
    await page.selectOption('#me', personId);
    await page.getByRole('button', { name: chat, exact: true }).click();
    await expect.poll(() => page.locator('#chats [aria-current="true"]').textContent()).toBe(chat);
  }
  async function say(page: Page, text: string) {
    await page.getByLabel('消息内容').fill(text);
    await page.getByRole('button', { name: '发送' }).click();
  }
  /** Each field of a card as `label=value`. */
  const fieldsOf = (page: Page, card: string) =>
    page
      .locator(`${card} dl`)
      .first()
      .evaluate((dl) =>
        [...dl.querySelectorAll('dt')].map(
          (dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
        ),
      );

  it('shows every field of event cards, cards with 抄送 and the weekly report as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baton.url}/sim?token=${ADMIN_TOKEN}`);
    await actAs(page, 'zhengyi', '年会筹备群');
    await say(page, `/流程 活动筹备 活动名称=年终晚会 活动日期=${eventDate}`);
    const card = page.locator('#log article.card', { hasText: '年终晚会' }).first();
    await card.waitFor(LIVE);
    await expect.poll(() => fieldsOf(page, '#log article.card')).toEqual([`活动日期=${eventDate}`]);

    await say(page, '/抄送 #1 @王五 @钱七');
    await expect
      .poll(() => fieldsOf(page, '#log article.card'), LIVE)
      .toEqual([`活动日期=${eventDate}`, '抄送=王五、钱七']);

    await actAs(page, 'zhaoliu', '跨部门协调群（协调群）');
    await say(page, '/周报');
    const report = page.locator('#log article.card', { hasText: '完成节点' }).last();
    await report.waitFor(LIVE);
    const figures = await report
      .locator('dl')
      .evaluate((dl) =>
        [...dl.querySelectorAll('dt')].map((dt) => [
          dt.textContent,
          dt.nextElementSibling?.textContent,
        ]),
      );
    expect(figures.length).toBe(9);
    expect(figures[0]).toEqual(['完成节点', '0（上期 0）']);
    expect(figures.at(-1)).toEqual(['当前超时未完成', '0 个节点']);
    expect(await page.locator('#log').textContent()).not.toContain('[object');

    // The same card on the console's task page.
    await actAs(page, 'zhengyi', '年会筹备群');
    await card.getByRole('link', { name: '在控制台查看' }).click();
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    await expect
      .poll(() => fieldsOf(page, '#task-card article.card'))
      .toEqual([`活动日期=${eventDate}`, '抄送=王五、钱七']);
    expect(await page.locator('#task-card').textContent()).not.toContain('[object');
    // People say 「#1」: the console finds the task by its number too.
    await page.goto(`${baton.url}/tasks/1`);
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    await expect
      .poll(() => page.locator('#task-title').textContent())
      .toBe('#1 活动筹备：年终晚会');

    // Its timeline: day ticks from the day it was created, days off shaded, now, the event day.
    const gantt = page.locator('#gantt svg');
    const ticks = await gantt.locator('text.axis').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(/^\d\d\/\d\d$/);
    // A line at every midnight since the day it was created, a label on some.
    expect(await gantt.locator('line.tick').count()).toBe(21);
    expect(await gantt.locator('rect.off-day').count()).toBeGreaterThanOrEqual(2);
    expect(await gantt.locator('line.now').count()).toBe(1);
    expect(await gantt.locator('rect.event-day').count()).toBe(1);
    expect(await gantt.locator('text.event-label').textContent()).toBe(
      `活动日 ${eventDate.slice(5, 7)}/${eventDate.slice(8, 10)}`,
    );
    expect(await page.locator('#key-event-day').isVisible()).toBe(true);
    const detail = await (await page.request.get(`${baton.url}/api/console/tasks/1`)).json();
    expect(detail.axis.from).toBe(detail.task.createdAt);
    await screenshot(page, 'task-event');
    await page.close();
  }, 90_000);

  it('finds tasks in the console by search, order and page, with progress, and exports them', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baton.url}/sim?token=${ADMIN_TOKEN}`);
    // Fifty-one more tasks: more than a page holds.
    for (let i = 1; i <= 51; i++) {
      const sent = await page.request.post(`${baton.url}/sim/api/messages`, {
        data: {
          conversation: 'office',
          personId: 'zhengyi',
          text: `/任务 巡检 ${i} 号楼\n检查 @张三 2小时内`,
        },
      });
      expect(sent.status()).toBe(202);
    }
    await page.goto(`${baton.url}/`);
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    const count = page.locator('#tasks-count');
    await expect
      .poll(
        async () => {
          await page.getByLabel('排序').selectOption('newest');
          await page.getByLabel('状态').selectOption('open');
          return count.textContent();
        },
        { timeout: 60_000 },
      )
      .toBe('共 52 项任务，显示第 1–50 项');
    const titles = () => page.locator('article.task h3').allTextContents();
    expect((await titles())[0]).toBe('#52 巡检 51 号楼');
    expect(await page.getByRole('navigation', { name: '翻页' }).textContent()).toContain(
      '第 1 / 2 页',
    );
    await page.getByRole('button', { name: '下一页' }).click();
    await expect.poll(titles).toEqual(['#2 巡检 1 号楼', '#1 活动筹备：年终晚会']);
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await screenshot(page, 'console-pages');

    // Searching starts again at the first page; the row shows how far the task has come.
    await page.getByLabel('搜索').fill('年终');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(titles).toEqual(['#1 活动筹备：年终晚会']);
    expect(await page.locator('article.task .progress').textContent()).toBe('进度 0/3');
    expect(await page.getByRole('navigation', { name: '翻页' }).isHidden()).toBe(true);
    await page.getByLabel('搜索').fill('冯十二');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(titles).toEqual(['#1 活动筹备：年终晚会']);
    await page.getByLabel('搜索').fill('');
    await page.getByLabel('排序').selectOption('oldest');
    await expect.poll(async () => (await titles())[0]).toBe('#1 活动筹备：年终晚会');
    expect(new URL(page.url()).search).toBe('?sort=oldest');

    // The export link carries the view's filters; the file opens in Excel as Chinese.
    await page.getByLabel('搜索').fill('巡检');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => count.textContent()).toBe('共 51 项任务，显示第 1–50 项');
    const href = (await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')) ?? '';
    expect(new URL(href, baton.url).searchParams.get('q')).toBe('巡检');
    const csv = await page.request.get(new URL(href, baton.url).toString());
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    const text = (await csv.body()).toString('utf8');
    expect(text.startsWith('\uFEFF任务号,标题,状态')).toBe(true);
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(52);
    expect(lines[1]).toMatch(/^#2,巡检 1 号楼,进行中,否,,郑一,0\/1,#2\.1 检查,张三,/);
    await page.close();
  }, 150_000);
});
