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
});
