import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../src/domain/calendar/business-calendar.js';
import { addDays } from '../../../src/domain/calendar/local-date.models.js';
import { tasks } from '../../../src/infra/db/schema/index.js';
import { startEngine } from '../../helpers/engine.js';
import { waitFor } from '../../helpers/wait-for.js';

type Engine = Awaited<ReturnType<typeof startEngine>>;

const shanghai = createBusinessCalendar({
  timezone: 'Asia/Shanghai',
  workStartMinute: 540,
  workEndMinute: 1080,
  holidays: 'cn',
  extraHolidays: [],
  extraWorkdays: [],
  officialSchedules: [],
});

/** What a person types in a group, read back as the answers that came after it. */
describe('deadline phrases and event dates, through the simulator', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await startEngine();
  });
  afterAll(() => engine.stop());

  async function answerTo(chat: string, text: string): Promise<string> {
    const before = (await engine.texts(chat)).length;
    await engine.say(chat, 'zhengyi', text);
    const answers = await waitFor(
      async () => {
        const all = await engine.texts(chat);
        return all.length > before ? all.slice(before) : undefined;
      },
      { what: `an answer to ${text}` },
    );
    return answers.join('\n');
  }

  const taskCount = async () => (await engine.database.db.select().from(tasks)).length;

  it('refuses an event-relative deadline the event date puts in the past, naming the node', async () => {
    const tomorrow = addDays(shanghai.localDate(new Date()), 1);
    const count = await taskCount();
    const answer = await answerTo(
      'g-event-past',
      `/任务 年终晚会 活动日期=${tomorrow}\n场地布置 @张三 活动前3天`,
    );
    expect(answer).toContain('这些节点的截止时间已经过去了：场地布置（活动前3天 →');
    expect(answer).toContain('请把活动日期改晚');
    expect(await taskCount()).toBe(count);
  });

  it('says a past 活动日期 is the event date, not a deadline', async () => {
    const answer = await answerTo(
      'g-event-date',
      '/任务 年终晚会 活动日期=2025-10-11\n场地布置 @张三 活动前3天',
    );
    expect(answer).toContain(
      '活动日期「2025-10-11」是 2025年10月11日，已经过去了。这是活动举行的日期',
    );
    expect(answer).not.toContain('截止时间「2025-10-11」');
  });

  it.each(['月底前', '下个月底', '年底前', '下周内', '下月初'])(
    'accepts %s and puts the task on a card',
    async (phrase) => {
      const count = await taskCount();
      const answer = await answerTo(`g-phrase-${phrase}`, `/任务 报表汇总\n汇总 @张三 ${phrase}`);
      expect(answer).toContain('报表汇总');
      expect(answer).not.toContain('看不懂截止时间');
      expect(await taskCount()).toBe(count + 1);
    },
  );

  it('answers /帮助 截止时间 with the rules', async () => {
    const answer = await answerTo('g-help', '/帮助 截止时间');
    expect(answer).toContain('月底前、月末：本月最后一个工作日');
    expect(answer).toContain('N个工作日内：N 个工作日后的同一时刻');
  });
});
