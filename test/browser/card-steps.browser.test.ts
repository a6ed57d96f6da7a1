import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startBaton } from './baton-server.js';
import { launchChromium } from './chromium.js';

const LIVE = { timeout: 20_000 };

/** A flow's card in the simulator and on the console's task page: departments, side-by-side steps, inputs and outputs. */
describe('the steps of a card, in a browser', () => {
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

  async function say(page: Page, text: string) {
    await page.getByLabel('消息内容').fill(text);
    await page.getByRole('button', { name: '发送' }).click();
  }

  it('shows each owner with their department, which steps run together and what a step takes and gives', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baton.url}/sim`);
    await page.getByLabel('管理令牌').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: '进入' }).click();
    await page
      .locator('#me option')
      .first()
      .waitFor({ state: 'attached', ...LIVE });
    await page.selectOption('#me', 'zhengyi');
    await page.getByRole('button', { name: '行政服务群', exact: true }).click();

    await say(page, '/任务 设备检修\n停机 @张三 明天18:00\n+ 备件 @李四 明天18:00');
    const parallel = page.locator('#log article.card', { hasText: '设备检修' }).first();
    await parallel.waitFor(LIVE);
    await expect
      .poll(() => parallel.locator('li').allTextContents(), LIVE)
      .toEqual([
        expect.stringMatching(/^#1\.1 停机（与 #1\.2 同时进行） · 张三（后勤部） · 截止 /),
        expect.stringMatching(/^#1\.2 备件（与 #1\.1 同时进行） · 李四（财务部） · 截止 /),
      ]);

    await say(page, '/流程 采购 物品=笔记本电脑 数量=3');
    const flow = page.locator('#log article.card', { hasText: '物资采购' }).first();
    await flow.waitFor(LIVE);
    const first = flow.locator('li', { hasText: '#2.1' });
    await expect
      .poll(() => first.locator('.details').textContent(), LIVE)
      .toBe('输入：物资需求明细表（规格、数量、用途）；输出：需求申请单');
    expect(await flow.locator('.details').count()).toBe(1);

    await flow.getByRole('link', { name: '在控制台查看' }).click();
    await page.locator('body[data-ready="true"]').waitFor(LIVE);
    const steps = page.locator('article.card li');
    await expect.poll(() => steps.first().textContent(), LIVE).toContain('郑一（业务部）');
    expect(await steps.first().locator('.details').textContent()).toBe(
      '输入：物资需求明细表（规格、数量、用途）；输出：需求申请单',
    );
    await page.close();
  }, 60_000);
});
