import type { CommandKind } from './command.types.js';

/** How one command is written, in Chinese, as shown in `/帮助` and with every error. */
export interface CommandManualEntry {
  /** What the command does, in a few words. */
  readonly summary: string;
  /** The syntax: `<…>` is required, `[…]` optional. The first line stands in the overview. */
  readonly syntax: readonly [string, ...string[]];
  readonly notes: readonly string[];
  /** Whole messages that parse as this command (checked by a unit test). */
  readonly examples: readonly string[];
}

const REF_NOTE = '不写编号时，作用于你唯一的进行中节点；有多个时我会问你是哪一个。';
const DEADLINE_NOTE =
  '截止时间的写法如：明天18:00、周五前、今天下班前、月底前、2小时内、3个工作日内、活动前3天；发送 /帮助 截止时间 查看全部写法和规则。';

export const COMMAND_MANUAL: Readonly<Record<CommandKind, CommandManualEntry>> = {
  'create-task': {
    summary: '新建任务',
    syntax: [
      '/任务 <标题> [紧急] [活动日期=<日期>]',
      '<节点名称> @<负责人或部门> [@更多负责人] [截止时间] [审批] [会签|或签]',
    ],
    notes: [
      '第一行写标题，之后每行一个节点，按顺序接力；以 + 开头的节点与上一个节点同时进行。',
      '也可以写在一行里，用；隔开标题和各个节点。只有一个节点时可直接写：/任务 <标题> @<负责人> [截止时间]。',
      '@部门 表示该部门的联络员。多个负责人默认会签（每人都要处理），写「或签」则任一人处理即可。',
      '写「审批」表示审批节点，负责人用 /同意 或 /驳回 处理。',
      '标题里单独写「紧急」或【紧急】表示紧急任务，提醒和升级更快。',
      '活动日期=<日期> 用于按活动倒排的截止时间（如 活动前3天）。',
      DEADLINE_NOTE,
    ],
    examples: [
      '/任务 办公室空调维修\n协调供应商 @张三 明天18:00\n费用审批 @财务部 2小时内 审批\n+ 现场配合 @王五 周五前',
      '/任务 修空调；联系供应商 @张三 明天；审批 @财务部 2小时内 审批',
      '/任务 年终晚会 活动日期=2026-12-20\n确认菜单 @餐饮部 活动前3天\n+ 安保布置 @安保部 @后勤部 活动前1天 会签',
      '/任务 【紧急】机房断电 @后勤部 1小时内',
    ],
  },
  'start-flow': {
    summary: '按流程模板发起任务',
    syntax: ['/流程 <模板名称> [紧急] [字段=值 …]'],
    notes: [
      '字段也可以写成 字段：值；值里有空格时用引号括起来，如 名称="年终 晚会"。',
      '只写 /流程 时列出本组织的全部流程模板和字段。',
    ],
    examples: [
      '/流程 采购 物品=笔记本电脑 数量=3 到货时间=12月20日',
      '/流程 活动筹备 活动名称=年终晚会 活动日期=2026-12-20 地点=一楼大厅',
      '/流程 采购 物品：打印纸 数量：20 规格="A4 白色"',
    ],
  },
  minutes: {
    summary: '会议纪要，每个行动项生成一个任务',
    syntax: ['/纪要 <会议名称>', '- <事项> @<负责人> [截止时间]'],
    notes: [
      '以 - 开头（或 1. 1、）的行是行动项，每项生成一个任务；其他行（参会人、决议）记入纪要。',
      DEADLINE_NOTE,
    ],
    examples: [
      '/纪要 双十一大促启动会\n参会：业务部、采购部、仓储部\n- 提交推广方案 @郑一 11月30日 15:00\n- 确认物流方案 @仓储部 周五前',
    ],
  },
  status: {
    summary: '查看任务进度',
    syntax: ['/进度 [#任务号]'],
    notes: ['不写编号时，列出本群进行中的任务。'],
    examples: ['/进度 #12', '/进度'],
  },
  my: {
    summary: '我负责的未完成节点（所有群）',
    syntax: ['/我的'],
    notes: ['按截止时间排序，快到期的在前。'],
    examples: ['/我的'],
  },
  ack: {
    summary: '确认收到我的节点',
    syntax: ['/收到 [#任务号.节点号] [备注]'],
    notes: [REF_NOTE],
    examples: ['/收到 #12.2', '/收到'],
  },
  done: {
    summary: '完成我的节点',
    syntax: ['/完成 [#任务号.节点号] [备注]'],
    notes: [REF_NOTE],
    examples: ['/完成 #12.1 已联系供应商', '/完成'],
  },
  approve: {
    summary: '审批通过',
    syntax: ['/同意 [#任务号.节点号] [意见]'],
    notes: [REF_NOTE],
    examples: ['/同意 #12.2', '/同意 #12.2 按最低报价采购'],
  },
  reject: {
    summary: '审批驳回（必须写原因）',
    syntax: ['/驳回 [#任务号.节点号] <原因>'],
    notes: [REF_NOTE],
    examples: ['/驳回 #12.2 报价偏高，请重新询价'],
  },
  nudge: {
    summary: '马上提醒节点负责人',
    syntax: ['/催办 [#任务号[.节点号]] [留言]'],
    notes: ['只写任务号时，提醒该任务当前节点的负责人。'],
    examples: ['/催办 #12', '/催办 #12.2 明天就要用了'],
  },
  transfer: {
    summary: '把我的节点转交给别人（必须写原因）',
    syntax: ['/转交 [#任务号.节点号] @<新负责人> <原因>'],
    notes: [REF_NOTE],
    examples: ['/转交 #12.2 @李四 出差一周'],
  },
  sendback: {
    summary: '退回到之前的节点返工（必须写原因）',
    syntax: ['/退回 #任务号.节点号 <原因>'],
    notes: ['编号写要退回到的那个节点。'],
    examples: ['/退回 #12.1 数量不对'],
  },
  addsign: {
    summary: '给我的审批节点加一位审批人',
    syntax: ['/加签 [#任务号.节点号] @<审批人> [@更多] [说明]'],
    notes: [REF_NOTE],
    examples: ['/加签 #12.2 @王五'],
  },
  cc: {
    summary: '抄送任务给关注人',
    syntax: ['/抄送 #任务号 @<人或部门> [@更多]'],
    notes: [],
    examples: ['/抄送 #12 @王五 @财务部'],
  },
  pause: {
    summary: '挂起节点，暂停计时（必须写原因）',
    syntax: ['/挂起 [#任务号.节点号] <原因>'],
    notes: [REF_NOTE],
    examples: ['/挂起 #12.3 等待厂家配件'],
  },
  resume: {
    summary: '恢复挂起的节点',
    syntax: ['/恢复 [#任务号.节点号] [备注]'],
    notes: [REF_NOTE],
    examples: ['/恢复 #12.3'],
  },
  extend: {
    summary: '申请延期（必须写原因）',
    syntax: ['/延期 [#任务号.节点号] <新截止时间> <原因>'],
    notes: ['截止时间里有空格时，用逗号和原因隔开。', DEADLINE_NOTE],
    examples: ['/延期 #12.2 周五前 等供应商报价', '/延期 #12.2 11月30日 15:00，供应商缺货'],
  },
  'approve-extension': {
    summary: '批准节点的延期申请（发起人或协调人）',
    syntax: ['/批准延期 #任务号'],
    notes: ['延期申请卡片上的「批准延期」按钮效果相同。'],
    examples: ['/批准延期 #12'],
  },
  'deny-extension': {
    summary: '拒绝节点的延期申请，原因会告诉申请人',
    syntax: ['/拒绝延期 #任务号 [原因]'],
    notes: ['拒绝后原截止时间不变。'],
    examples: ['/拒绝延期 #12 活动日期不能再推迟'],
  },
  escalate: {
    summary: '马上提交协调群处理（必须写原因）',
    syntax: ['/升级 #任务号[.节点号] <原因>'],
    notes: ['用于部门间有分歧或任务卡住的情况。'],
    examples: ['/升级 #12 部门间对费用分摊有分歧'],
  },
  cancel: {
    summary: '撤销任务',
    syntax: ['/撤销 #任务号 [原因]'],
    notes: [],
    examples: ['/撤销 #12 需求取消'],
  },
  report: {
    summary: '本群任务的统计',
    syntax: ['/周报 [本周|上周|本月|上月|<开始日期> <结束日期>]'],
    notes: ['不写时统计本周。'],
    examples: ['/周报', '/周报 上周', '/周报 2026-11-01 2026-11-30'],
  },
  digest: {
    summary: '打开或关闭每日待办摘要（私聊）',
    syntax: ['/摘要 <开|关>'],
    notes: ['每个工作日早上，我会私聊发给你一条你负责的未完成节点清单，按截止时间排序。'],
    examples: ['/摘要 关', '/摘要 开'],
  },
  help: {
    summary: '查看命令用法',
    syntax: ['/帮助 [命令]'],
    notes: [],
    examples: ['/帮助', '/帮助 任务'],
  },
  setup: {
    summary: '查看或修改协调设置',
    syntax: [
      '/设置 [协调群|联络员|协调人|领导]',
      '/设置 协调群　（把本群设为协调群）',
      '/设置 联络员 @<人> <部门>',
      '/设置 协调人 @<人> [@更多]',
      '/设置 领导 @<人> [部门]　（不写部门时为公司领导）',
    ],
    notes: ['只写 /设置 时显示当前设置。'],
    examples: ['/设置', '/设置 联络员 @张三 后勤部', '/设置 协调人 @赵六', '/设置 领导 @王五'],
  },
  rate: {
    summary: '给已结束的任务打分（1-5 分）',
    syntax: ['/评分 #任务号 <1-5> [评价]'],
    notes: [],
    examples: ['/评分 #12 5 很及时'],
  },
};
