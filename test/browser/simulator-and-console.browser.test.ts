import { mkdirSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startBaton } from './baton-server.js';
import { launchChromium } from './chromium.js';

/** Screenshots for the README, written only when asked (`BATON_SCREENSHOTS=1`). */
const SCREENSHOTS = process.env.BATON_SCREENSHOTS === '1' ? 'docs/screenshots' : null;
const LIVE = { timeout: 20_000 };

async function screenshot(page: Page, name: string) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

describe('Baton in a browser', () => {
  let baton: Awaited<ReturnType<typeof startBaton>>;
  let browser: Browser;

  beforeAll(async () => {
    baton = await startBaton();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await baton?.stop();
  });

  /** The simulator page as one person, in one chat. */
  async function actAs(page: Page, personId: string, chat: string) {
    await page.selectOption('#me', personId);
    await page.getByRole('button', { name: chat, exact: true }).click();
    await expect.poll(() => page.locator('#chats [aria-current="true"]').textContent()).toBe(chat);
  }
  const taskCard = (page: Page, title: string): Locator =>
    page.locator('#log article.card', { has: page.locator('h2', { hasText: title }) }).first();

  it('runs a task in the simulator, then finds it with its timeline and log in the console', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // The simulator asks for the admin token first (the console's login page), then opens.
    await page.goto(`${baton.url}/sim`);
    await page.getByLabel('管理令牌').fill('not-the-token');
    await page.getByRole('button', { name: '进入' }).click();
    await page.getByRole('alert').getByText('这个令牌不正确').waitFor(LIVE);
    await page.getByLabel('管理令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '进入' }).click();
    await page
      .locator('#me option')
      .first()
      .waitFor({ state: 'attached', ...LIVE });
    expect(page.url()).toBe(`${baton.url}/sim`);

    // 郑一 of the business department asks for two steps in the office group.
    await actAs(page, 'zhengyi', '行政服务群');
    await page
      .getByLabel('消息内容')
      .fill('/任务 空调维修\n联系供应商 @张三 8秒内\n费用审批 @李四 1小时内 审批');
    await page.getByRole('button', { name: '发送' }).click();
    const card = taskCard(page, '#1 空调维修');
    await card.waitFor(LIVE);
    await expect.poll(() => card.getByRole('button').allTextContents()).toEqual(['完成 #1.1']);

    // 张三 watches his private chat: his turn, then a reminder and the escalation arrive live.
    await actAs(page, 'zhangsan', '与接力私聊');
    const log = page.locator('#log');
    await log
      .getByText(/轮到你了：#1\.1 联系供应商/)
      .first()
      .waitFor(LIVE);
    await log
      .getByText(/【提醒】#1\.1 联系供应商/)
      .first()
      .waitFor(LIVE);
    await log
      .getByText(/【超时升级 第1级】#1\.1/)
      .first()
      .waitFor(LIVE);
    await actAs(page, 'zhangsan', '跨部门协调群（协调群）');
    await log
      .getByText(/【超时升级 第2级】#1\.1/)
      .first()
      .waitFor(LIVE);
    await screenshot(page, 'simulator-escalation');

    // He taps done on the card in the group; the card updates in place.
    await actAs(page, 'zhangsan', '行政服务群');
    await taskCard(page, '#1 空调维修').locator('.state.late').waitFor(LIVE);
    await screenshot(page, 'simulator');
    await taskCard(page, '#1 空调维修').getByRole('button', { name: '完成 #1.1' }).click();
    const updated = taskCard(page, '#1 空调维修');
    await updated.locator('li', { hasText: '#1.1' }).locator('.state.done').waitFor(LIVE);
    await expect
      .poll(() => updated.getByRole('button').allTextContents(), LIVE)
      .toEqual(['同意 #1.2', '驳回 #1.2']);

    // 李四 approves; the task is done and the card says so.
    await actAs(page, 'lisi', '行政服务群');
    await taskCard(page, '#1 空调维修').getByRole('button', { name: '同意 #1.2' }).click();
    await taskCard(page, '#1 空调维修').locator('.sub', { hasText: '已完成' }).waitFor(LIVE);
    await expect.poll(() => taskCard(page, '#1 空调维修').getByRole('button').count()).toBe(0);

    // The card's console link opens the task page in the same admin session.
    await taskCard(page, '#1 空调维修').getByRole('link', { name: '在控制台查看' }).click();
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    expect(new URL(page.url()).pathname).toMatch(/^\/tasks\/tsk_/);
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    await expect.poll(() => page.locator('#task-title').textContent()).toBe('#1 空调维修');
    const bars = page.locator('#gantt svg g.row');
    expect(await bars.count()).toBe(2);
    // #1.1 was done after its 8-second deadline: its row is late and has a red part.
    await expect.poll(() => bars.first().getAttribute('class')).toBe('row late');
    expect(await bars.first().locator('rect.bar.over').count()).toBe(1);
    expect(await bars.nth(1).locator('rect.bar.over').count()).toBe(0);
    const events = await page.locator('#event-log tbody tr td:nth-child(2)').allTextContents();
    expect(events[0]).toBe('创建任务');
    for (const expected of ['到期提醒', '超时升级', '负责人完成', '审批通过', '任务完成'])
      expect(events).toContain(expected);
    await screenshot(page, 'task');

    // The task list: done tasks show with the status filter; late and escalated filters work.
    await page.getByRole('link', { name: '任务', exact: true }).click();
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    await expect
      .poll(() => page.locator('#tasks-count').textContent())
      .toBe('没有符合条件的任务。');
    await page.getByLabel('状态').selectOption('done');
    const row = page.locator('article.task', { hasText: '#1 空调维修' });
    await row.waitFor(LIVE);
    expect(await row.locator('.state', { hasText: '已升级 2 级' }).count()).toBe(1);
    await page.getByLabel('只看已升级').check();
    await row.waitFor(LIVE);
    expect(new URL(page.url()).search).toBe('?status=done&escalated=1');
    await screenshot(page, 'console');
    await page.close();
  }, 120_000);

  it('shows the KPIs of the period chosen, and links the CSV of that period and grouping', async () => {
    const page = await browser.newPage();
    await page.goto(`${baton.url}/?token=${ADMIN_TOKEN}`);
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    await page.locator('#kpis').waitFor(LIVE);
    const period = page.locator('#kpis-period');
    await expect.poll(() => period.textContent()).toMatch(/^本周（\d{4}-\d{2}-\d{2} 至 /);
    expect(await page.locator('#kpi-list dt').allTextContents()).toContain('节点按时完成率');
    const thisWeekFrom = /（(\d{4}-\d{2}-\d{2})/.exec((await period.textContent()) ?? '')?.[1];
    const csv = page.getByRole('link', { name: '下载 CSV' });

    await page.getByLabel('时间段').selectOption('last-week');
    await expect.poll(() => period.textContent()).toMatch(/^上周（/);
    const lastWeek = new URL((await csv.getAttribute('href')) ?? '', baton.url).searchParams;
    expect(lastWeek.get('to')).toBe(thisWeekFrom);
    expect(lastWeek.get('by')).toBe('department');

    await page.getByLabel('分组').selectOption('person');
    const href = (await csv.getAttribute('href')) ?? '';
    expect(new URL(href, baton.url).searchParams.get('by')).toBe('person');
    // The link works with the console's own session.
    const download = await page.request.get(new URL(href, baton.url).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/^text\/csv/);
    await page.close();
  }, 60_000);

  it('says so when Baton is busy and sends again after Retry-After; answers an overlong message in Chinese', async () => {
    const page = await browser.newPage();
    await page.goto(`${baton.url}/sim?token=${ADMIN_TOKEN}`);
    await actAs(page, 'zhengyi', '年会筹备群');
    // The first try is refused as an overloaded Baton would; the page waits and tries again.
    const tries: string[] = [];
    await page.route('**/sim/api/messages', async (route) => {
      tries.push(route.request().postData() ?? '');
      if (tries.length === 1)
        return route.fulfill({
          status: 503,
          headers: { 'retry-after': '1', 'content-type': 'application/json' },
          body: JSON.stringify({ error: { code: 'backlog', message: 'busy' } }),
        });
      return route.continue();
    });
    await page.getByLabel('消息内容').fill('/任务 订场地\n联系酒店 @吴十 2小时内');
    await page.getByRole('button', { name: '发送' }).click();
    await page.getByRole('status').getByText('接力正忙，1 秒后自动重发').waitFor(LIVE);
    await taskCard(page, '订场地').waitFor(LIVE);
    expect(await page.getByRole('status').isHidden()).toBe(true);
    // The retry is the same message, with the same id (the inbox refuses a second copy).
    expect(tries).toHaveLength(2);
    expect(tries[1]).toBe(tries[0]);

    // A command over 4,000 characters reaches Baton as on a platform, which answers in the chat.
    await page.getByLabel('消息内容').fill(`/任务 ${'长'.repeat(4001)}`);
    await page.getByRole('button', { name: '发送' }).click();
    await page
      .locator('#log .msg.out')
      .getByText('消息太长了（超过 4000 字），请精简后再发。')
      .waitFor(LIVE);
    expect(tries).toHaveLength(3);
    // Past what a platform takes, the page says why and keeps the text to edit.
    await page.getByLabel('消息内容').fill('长'.repeat(20_001));
    await page.getByRole('button', { name: '发送' }).click();
    await page
      .getByRole('status')
      .getByText('消息太长：最多 20000 个字，现在有 20001 个字。请删减或分几条发送。')
      .waitFor(LIVE);
    expect(await page.getByLabel('消息内容').inputValue()).toHaveLength(20_001);
    expect(tries).toHaveLength(4);
    await page.close();
  }, 60_000);

  it('reads well at phone width, with open work per department', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const page = await phone.newPage();
    // The start-up banner's link: the token in it sets the session cookie.
    await page.goto(`${baton.url}/sim?token=${ADMIN_TOKEN}`);
    await actAs(page, 'zhengyi', '行政服务群');
    await page
      .getByLabel('消息内容')
      .fill('/任务 修打印机\n报修 @孙八 2小时内\n验收 @郑一 3小时内');
    await page.getByRole('button', { name: '发送' }).click();
    await taskCard(page, '修打印机').waitFor(LIVE);
    await screenshot(page, 'simulator-phone');

    // The page's own timers run on a test clock, so its periodic refresh can be stepped.
    await page.clock.install();
    await page.goto(`${baton.url}/?token=${ADMIN_TOKEN}`);
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    await page.locator('article.task', { hasText: '修打印机' }).waitFor(LIVE);
    // Nothing wider than the screen: no sideways scrolling on a phone. (Against the screen, not
    // the window: a phone widens the window to fit a page that is too wide, and zooms out.)
    const fits = () => page.evaluate('document.documentElement.scrollWidth <= screen.width');
    expect(await fits()).toBe(true);
    await screenshot(page, 'console-phone');

    // A task created meanwhile shows up at the next refresh, without reloading the page.
    const sent = await fetch(`${baton.url}/sim/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        conversation: 'office',
        personId: 'zhengyi',
        text: '/任务 换灯泡\n采购灯泡 @孙八 1小时内',
      }),
    });
    expect(sent.status).toBe(202);
    // Accepted into the inbox; a worker makes the task (its card shows in the chat) right after.
    await expect
      .poll(async () => {
        const office = await fetch(`${baton.url}/sim/api/conversations/office`, {
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        });
        const { entries } = (await office.json()) as { entries: { body: { card?: unknown } }[] };
        return entries.some((e) => JSON.stringify(e.body.card ?? '').includes('换灯泡'));
      }, LIVE)
      .toBe(true);
    const newTask = page.locator('article.task', { hasText: '换灯泡' });
    expect(await newTask.count()).toBe(0);
    await page.clock.fastForward(30_000);
    await newTask.waitFor(LIVE);

    await page.getByRole('link', { name: /修打印机/ }).click();
    await page.locator('#gantt svg g.row').first().waitFor(LIVE);
    expect(await fits()).toBe(true);
    // The axis labels stand apart at phone width, and none has seconds.
    const labels = await page
      .locator('#gantt svg text.axis')
      .evaluateAll((texts) =>
        texts.map((t) => ({ text: t.textContent ?? '', box: t.getBoundingClientRect() })),
      );
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (const [i, label] of labels.entries()) {
      expect(label.text).not.toMatch(/\d\d:\d\d:\d\d/);
      const next = labels[i + 1];
      if (next) expect(label.box.right).toBeLessThanOrEqual(next.box.left);
    }
    await screenshot(page, 'task-phone');

    await page.getByRole('link', { name: '部门', exact: true }).click();
    const procurement = page.getByRole('region', { name: '采购部' });
    await procurement.getByRole('link', { name: /修打印机/ }).waitFor(LIVE);
    expect(await procurement.textContent()).toContain('孙八 手上 2 项');
    expect(await procurement.textContent()).toContain(
      '联络员 孙八（组织文件） · 负责人 王五（组织文件）',
    );
    const sunba = procurement.locator('ul.people > li').filter({ hasText: '孙八' });
    expect(await sunba.getAttribute('title')).toBe('姓名来自组织文件；部门来自组织文件');
    await page
      .getByRole('region', { name: '通讯录同步' })
      .getByText('未配置企业微信或钉钉通讯录')
      .waitFor(LIVE);
    expect(await fits()).toBe(true);
    await screenshot(page, 'departments-phone');

    await page.goto(`${baton.url}/tasks/tsk_nothing`);
    await page.getByRole('alert').getByText('找不到这项内容').waitFor(LIVE);
    await phone.close();
  }, 60_000);
});
