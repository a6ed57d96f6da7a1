import { describe, expect, it } from 'vitest';
import type { Command, NodeDraft } from '../../../../src/domain/command/command.types.js';
import { MAX_NODES } from '../../../../src/domain/command/task-draft.parser.js';
import { MAX_TITLE_LENGTH } from '../../../../src/domain/command/task-title.parser.js';
import { errorOf, expectUsageError, parse } from './command.helpers.js';

type CreateTask = Extract<Command, { kind: 'create-task' }>;

const node = (title: string, owners: string[], over: Partial<NodeDraft> = {}): NodeDraft => ({
  title,
  owners,
  signMode: 'all',
  kind: 'action',
  parallel: false,
  deadlineText: null,
  ...over,
});

function createTask(text: string): CreateTask {
  const command = parse(text);
  if (command.kind !== 'create-task') throw new Error(`not create-task: ${command.kind}`);
  return command;
}

const BRIEF_EXAMPLE_NODES = [
  node('协调供应商', ['张三'], { deadlineText: '明天18:00' }),
  node('费用审批', ['财务部'], { kind: 'approval', deadlineText: '2小时内' }),
  node('现场配合', ['王五'], { parallel: true, deadlineText: '周五前' }),
];

describe('/任务: title line, then one node per line', () => {
  it('reads the example of the product brief', () => {
    expect(
      createTask(
        '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
      ),
    ).toEqual({
      kind: 'create-task',
      title: '办公室空调维修',
      urgent: false,
      eventDateText: null,
      nodes: BRIEF_EXAMPLE_NODES,
    });
  });

  it.each<[string, string]>([
    [
      'CRLF',
      '/任务 办公室空调维修\r\n协调供应商 @张三 明天18:00\r\n费用审批 @财务部 2小时内 审批\r\n+ 现场配合 @王五 周五前\r\n',
    ],
    [
      'blank lines and spaces',
      '/任务   办公室空调维修  \n\n  协调供应商   @张三   明天18:00\n\n费用审批 @财务部 2小时内 审批\n+现场配合 @王五 周五前\n\n',
    ],
    [
      '/task',
      '/task 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
    ],
    [
      '/新建',
      '/新建 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
    ],
    [
      'one line with ；',
      '/任务 办公室空调维修；协调供应商 @张三 明天18:00；费用审批 @财务部 2小时内 审批；+ 现场配合 @王五 周五前',
    ],
    [
      'one line with ;',
      '/任务 办公室空调维修; 协调供应商 @张三 明天18:00; 费用审批 @财务部 2小时内 审批; + 现场配合 @王五 周五前',
    ],
    [
      'mixed ； and lines',
      '/任务 办公室空调维修；协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批；+ 现场配合 @王五 周五前',
    ],
    [
      'full-width everything',
      '／任务　办公室空调维修；协调供应商　＠张三　明天１８:００；费用审批　＠财务部　２小时内　审批；＋　现场配合　＠王五　周五前',
    ],
    [
      'full-width colon in time',
      '/任务 办公室空调维修\n协调供应商 @张三 明天18：00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
    ],
    [
      'keyword glued to the deadline',
      '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内审批\n+ 现场配合 @王五 周五前',
    ],
    [
      'bracketed keyword',
      '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 【审批】\n+ 现场配合 @王五 周五前',
    ],
    [
      'keyword before the deadline',
      '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 审批 2小时内\n+ 现场配合 @王五 周五前',
    ],
    [
      'colon after the title',
      '/任务 办公室空调维修\n协调供应商：@张三 明天18:00\n费用审批: @财务部 2小时内 审批\n+ 现场配合 - @王五 周五前',
    ],
    [
      'comma after the owner',
      '/任务 办公室空调维修\n协调供应商 @张三，明天18:00\n费用审批 @财务部, 2小时内, 审批\n+ 现场配合 @王五 周五前',
    ],
    [
      'numbered lines',
      '/任务 办公室空调维修\n1. 协调供应商 @张三 明天18:00\n2、费用审批 @财务部 2小时内 审批\n3) + 现场配合 @王五 周五前',
    ],
    [
      'bulleted lines',
      '/任务 办公室空调维修\n- 协调供应商 @张三 明天18:00\n* 费用审批 @财务部 2小时内 审批\n• + 现场配合 @王五 周五前',
    ],
    [
      'bot mention first',
      '@接力 /任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
    ],
    [
      'WeCom mention space',
      '@接力\u2005/任务 办公室空调维修\n协调供应商 @张三\u2005明天18:00\n费用审批 @财务部\u20052小时内 审批\n+ 现场配合 @王五\u2005周五前',
    ],
    [
      'name glued to the command',
      '/任务办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
    ],
  ])('same task when written with %s', (_name, text) => {
    const task = createTask(text);
    expect(task.title).toBe('办公室空调维修');
    expect(task.nodes).toEqual(BRIEF_EXAMPLE_NODES);
  });

  it('keeps the one-line example of the brief', () => {
    expect(
      createTask('/任务 修空调；联系供应商 @张三 明天；审批 @财务部 2小时内 审批').nodes,
    ).toEqual([
      node('联系供应商', ['张三'], { deadlineText: '明天' }),
      node('审批', ['财务部'], { kind: 'approval', deadlineText: '2小时内' }),
    ]);
  });

  it.each<[string, NodeDraft]>([
    ['会签 @张三 @李四 明天 会签', node('会签', ['张三', '李四'], { deadlineText: '明天' })],
    ['核对 @张三 @李四 明天', node('核对', ['张三', '李四'], { deadlineText: '明天' })],
    [
      '核对 @张三 @李四 明天 或签',
      node('核对', ['张三', '李四'], { signMode: 'any', deadlineText: '明天' }),
    ],
    [
      '核对 @张三 @李四 或签 明天',
      node('核对', ['张三', '李四'], { signMode: 'any', deadlineText: '明天' }),
    ],
    ['核对 @张三 @李四 (或签)', node('核对', ['张三', '李四'], { signMode: 'any' })],
    ['核对 @张三 @李四 （或签）', node('核对', ['张三', '李四'], { signMode: 'any' })],
    ['核对 @张三 @李四 [会签]', node('核对', ['张三', '李四'])],
    [
      '审批 @张三 @李四 审批 或签',
      node('审批', ['张三', '李四'], { kind: 'approval', signMode: 'any' }),
    ],
    [
      '审批 @张三 @李四 2小时内 审批 会签',
      node('审批', ['张三', '李四'], { kind: 'approval', deadlineText: '2小时内' }),
    ],
    ['核对 @张三@李四 明天', node('核对', ['张三', '李四'], { deadlineText: '明天' })],
    ['核对 @张三、@李四 明天', node('核对', ['张三', '李四'], { deadlineText: '明天' })],
    ['核对 @张三，@李四，明天', node('核对', ['张三', '李四'], { deadlineText: '明天' })],
    ['核对 @张三 @张三 明天', node('核对', ['张三'], { deadlineText: '明天' })],
    ['核对 @张三 明天 @李四', node('核对', ['张三', '李四'], { deadlineText: '明天' })],
    ['核对 @张三', node('核对', ['张三'])],
    ['核对 @张三 下周一 上午', node('核对', ['张三'], { deadlineText: '下周一 上午' })],
    ['核对 @张三 11月30日 15:00', node('核对', ['张三'], { deadlineText: '11月30日 15:00' })],
    ['费用审批 @财务部 2小时内', node('费用审批', ['财务部'], { deadlineText: '2小时内' })],
    ['核对报价 @zhang.san 明天', node('核对报价', ['zhang.san'], { deadlineText: '明天' })],
    [
      '核对报价 @迪丽热巴·迪力木拉提 明天',
      node('核对报价', ['迪丽热巴·迪力木拉提'], { deadlineText: '明天' }),
    ],
    ['核对报价 @IT部 明天', node('核对报价', ['IT部'], { deadlineText: '明天' })],
    ['核对报价 @Ｚｈａｎｇ 明天', node('核对报价', ['Zhang'], { deadlineText: '明天' })],
    [
      '发邮件给 a@b.com 的人 @张三 明天',
      node('发邮件给 a@b.com 的人', ['张三'], { deadlineText: '明天' }),
    ],
    ['3.5寸软盘采购 @张三 明天', node('3.5寸软盘采购', ['张三'], { deadlineText: '明天' })],
    ['现场配合 @王五 T-1', node('现场配合', ['王五'], { deadlineText: 'T-1' })],
  ])('node line: %s', (line, expected) => {
    expect(createTask(`/任务 测试\n${line}`).nodes).toEqual([expected]);
  });

  it('puts parallel lines into the group of the line before', () => {
    const task = createTask(
      '/任务 测试\nA @甲 明天\n+ B @乙 明天\n+ C @丙 明天\nD @丁 后天\n+E @戊 后天',
    );
    expect(task.nodes.map((n) => [n.title, n.parallel])).toEqual([
      ['A', false],
      ['B', true],
      ['C', true],
      ['D', false],
      ['E', true],
    ]);
  });

  it.each<[string, string, boolean, string | null]>([
    ['/任务 urgent 修空调', '修空调', true, null],
    ['/任务 修空调 urgent', '修空调', true, null],
    ['/任务 URGENT 修空调', '修空调', true, null],
    ['/任务 紧急 修空调', '修空调', true, null],
    ['/任务 加急 修空调', '修空调', true, null],
    ['/任务 【紧急】修空调', '修空调', true, null],
    ['/任务 修空调【紧急】', '修空调', true, null],
    ['/任务 [urgent] 修空调', '修空调', true, null],
    ['/任务 [紧急]修空调', '修空调', true, null],
    ['/任务 （紧急）修空调', '修空调', true, null],
    ['/任务 ［紧急］修空调', '修空调', true, null],
    ['/任务 紧急预案演练', '紧急预案演练', false, null],
    ['/任务 urgently needed chairs', 'urgently needed chairs', false, null],
    ['/任务 修空调', '修空调', false, null],
    ['/任务 年终晚会 活动日期=2026-12-20', '年终晚会', false, '2026-12-20'],
    ['/任务 年终晚会 活动日期：2026-12-20', '年终晚会', false, '2026-12-20'],
    ['/任务 年终晚会 活动:12月20日', '年终晚会', false, '12月20日'],
    ['/任务 年终晚会 活动：12月20日', '年终晚会', false, '12月20日'],
    ['/任务 年终晚会 活动 = 12月20日', '年终晚会', false, '12月20日'],
    ['/任务 年终晚会 活动时间=12月20日', '年终晚会', false, '12月20日'],
    ['/任务 年终晚会 event=2026-12-20', '年终晚会', false, '2026-12-20'],
    ['/任务 活动日期=2026-12-20 年终晚会', '年终晚会', false, '2026-12-20'],
    ['/任务 年终晚会 活动日期="12月20日 19:00"', '年终晚会', false, '12月20日 19:00'],
    ['/任务 年终晚会 活动日期=「12月20日 19:00」', '年终晚会', false, '12月20日 19:00'],
    ['/任务 【紧急】年终晚会 活动日期=2026-12-20', '年终晚会', true, '2026-12-20'],
    ['/任务 市场活动复盘', '市场活动复盘', false, null],
  ])('title line %s', (titleLine, title, urgent, eventDateText) => {
    const task = createTask(`${titleLine}\n测试 @张三 明天`);
    expect({ title: task.title, urgent: task.urgent, eventDateText: task.eventDateText }).toEqual({
      title,
      urgent,
      eventDateText,
    });
  });

  it.each<[string, Partial<CreateTask>]>([
    [
      '/任务 修空调 @张三 明天',
      { title: '修空调', nodes: [node('修空调', ['张三'], { deadlineText: '明天' })] },
    ],
    [
      '/任务 【紧急】机房断电 @IT部 1小时内',
      {
        title: '机房断电',
        urgent: true,
        nodes: [node('机房断电', ['IT部'], { deadlineText: '1小时内' })],
      },
    ],
    [
      '/task fix the printer @zhang tomorrow',
      {
        title: 'fix the printer',
        nodes: [node('fix the printer', ['zhang'], { deadlineText: 'tomorrow' })],
      },
    ],
    [
      '/任务 报销审批 @财务部 @行政部 3个工作日内 审批 或签',
      {
        title: '报销审批',
        nodes: [
          node('报销审批', ['财务部', '行政部'], {
            kind: 'approval',
            signMode: 'any',
            deadlineText: '3个工作日内',
          }),
        ],
      },
    ],
  ])('a title line with an owner is a task of one node: %s', (text, expected) => {
    expect(createTask(text)).toMatchObject(expected);
  });
});

describe('/任务 errors name the line and show the usage', () => {
  it.each<[string, string]>([
    ['/任务', 'command.missing_title'],
    ['/任务 ', 'command.missing_title'],
    ['/任务 紧急', 'command.missing_title'],
    ['/任务 【紧急】', 'command.missing_title'],
    ['/任务\n协调 @张三 明天', 'command.missing_title'],
    ['/任务；协调 @张三 明天', 'command.missing_title'],
    ['/任务 修空调', 'command.no_nodes'],
    ['/任务 修空调；', 'command.no_nodes'],
    ['/任务 修空调\n\n\n', 'command.no_nodes'],
    ['/任务 修空调\n协调供应商 明天', 'command.node_without_owner'],
    ['/任务 修空调\n协调供应商 @ 明天', 'command.node_without_owner'],
    ['/任务 修空调\n协调供应商 张三@ 明天', 'command.node_without_owner'],
    ['/任务 修空调\n@张三 明天', 'command.node_without_title'],
    ['/任务 修空调\n+ @张三 明天', 'command.node_without_title'],
    ['/任务 @张三 明天', 'command.node_without_title'],
    ['/任务 修空调\n+ 协调 @张三 明天', 'command.parallel_first'],
    ['/任务 修空调\n核对 @张三 @李四 会签 或签', 'command.sign_mode_conflict'],
    ['/任务 修空调 @张三\n协调 @李四 明天', 'command.title_with_owner'],
    [`/任务 ${'长'.repeat(MAX_TITLE_LENGTH + 1)}\n协调 @张三`, 'command.title_too_long'],
    [
      `/任务 修空调\n${Array.from({ length: MAX_NODES + 1 }, (_, i) => `第${i}步 @张三`).join('\n')}`,
      'command.too_many_nodes',
    ],
  ])('%s → %s', (text, code) => {
    expectUsageError(text, code, 'create-task');
  });

  it.each<[string, string]>([
    [
      '/任务 修空调\n协调供应商 @张三 明天\n费用审批 财务部 2小时内',
      '第 2 个节点「费用审批 财务部 2小时内」',
    ],
    ['/任务 修空调；协调供应商 明天', '第 1 个节点「协调供应商 明天」'],
    ['/任务 修空调\nA @甲\nB @乙\n@丙 明天', '第 3 个节点「@丙 明天」'],
  ])('names the faulty line: %s', (text, named) => {
    expect(errorOf(text).userMessage).toContain(named);
  });

  it('takes a title of exactly the maximum length', () => {
    const title = '长'.repeat(MAX_TITLE_LENGTH);
    expect(createTask(`/任务 ${title}\n协调 @张三`).title).toBe(title);
  });

  it('takes exactly the maximum number of nodes', () => {
    const lines = Array.from({ length: MAX_NODES }, (_, i) => `第${i}步 @张三`).join('\n');
    expect(createTask(`/任务 修空调\n${lines}`).nodes).toHaveLength(MAX_NODES);
  });
});
