// The task page's Gantt timeline, drawn as plain SVG.
// Why our own: the Gantt libraries we looked at (frappe-gantt, dhtmlx-gantt) lay out by the day
// or hour, have no deadline markers or "now" line, and would need installing and bundling; a
// task has a handful of nodes whose times range from seconds (fast demo ladders) to weeks, so a
// few proportional bars are all that is needed. Positions are percentages, so the chart fills
// any width (a phone's too) without shrinking its text.
const SVG = 'http://www.w3.org/2000/svg';
const ROW = 48;
const AXIS = 24;
const PAD = 0.03;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

const ms = (iso) => (iso ? new Date(iso).getTime() : null);

/**
 * The time span shown: every start and end, now, and the deadlines still ahead of running nodes,
 * with a little margin. A finished node's far-off deadline would squeeze the work into a sliver,
 * so it is marked at the edge instead.
 */
function spanOf(rows, now, live) {
  const times = live ? [now] : [];
  for (const r of rows) {
    for (const t of [r.start, r.end, r.running ? r.dueAt : null]) if (t) times.push(ms(t));
  }
  const from = Math.min(...times);
  const to = Math.max(...times, from + 60_000);
  const pad = (to - from) * PAD;
  return { from: from - pad, to: to + pad };
}

function describe(row, format) {
  if (!row.start) return `${row.ref} ${row.title}：未开始`;
  return [
    `${row.ref} ${row.title}：开始 ${format(row.start)}`,
    row.running ? '进行中' : row.end ? `结束 ${format(row.end)}` : null,
    row.dueAt ? `截止 ${format(row.dueAt)}` : null,
    row.late ? '已超时' : '按时',
  ]
    .filter(Boolean)
    .join('，');
}

function bar(x1, x2, y, kind) {
  return svg('rect', {
    x: `${x1}%`,
    y,
    width: `${Math.max(0.4, x2 - x1)}%`,
    height: 14,
    rx: 3,
    class: `bar ${kind}`,
  });
}

function rowGroup(row, index, at, format) {
  const y = AXIS + index * ROW;
  const text = describe(row, format);
  const g = svg('g', { class: `row${row.late ? ' late' : ''}`, 'data-node': row.nodeId });
  g.append(svg('title', {}, text));
  g.append(svg('text', { x: 0, y: y + 16, class: 'label' }, `${row.ref} ${row.title}`));
  if (row.start) {
    const start = at(ms(row.start));
    const end = at(ms(row.end) ?? ms(row.start));
    const due = row.dueAt ? at(ms(row.dueAt)) : null;
    const onTimeEnd = due === null ? end : Math.min(end, due);
    const kind = row.running ? 'running' : 'finished';
    // The node's window, activation to deadline, behind what actually happened.
    if (due !== null && due > start) g.append(bar(start, Math.min(due, 100), y + 22, 'plan'));
    if (!row.late || onTimeEnd > start) g.append(bar(start, onTimeEnd, y + 22, kind));
    if (row.late && due !== null) g.append(bar(Math.max(start, due), end, y + 22, 'over'));
  } else {
    g.append(svg('text', { x: 0, y: y + 34, class: 'pending' }, '未开始'));
  }
  if (row.dueAt) g.append(dueMark(row, y, at, format));
  return g;
}

/** The deadline as a mark on the row, or at the chart's edge with its time when out of view. */
function dueMark(row, y, at, format) {
  const x = at(ms(row.dueAt));
  if (x <= 100) {
    const due = `${Math.max(0, x)}%`;
    return svg('line', { x1: due, x2: due, y1: y + 18, y2: y + 40, class: 'due' });
  }
  return svg(
    'text',
    { x: '100%', y: y + 16, class: 'due-later', 'text-anchor': 'end' },
    `截止 ${format(row.dueAt)} →`,
  );
}

/**
 * Renders the timeline: one row per node (activation → completion or now), its deadline as a
 * mark, the late part in red, and while work is under way a line at now (a task closed long ago
 * is drawn over its own span, not stretched to today).
 */
export function renderGantt(rows, { now, format }) {
  const nowMs = ms(now);
  const live = rows.some((r) => r.running) || rows.every((r) => !r.start);
  const span = spanOf(rows, nowMs, live);
  const at = (t) => ((t - span.from) / (span.to - span.from)) * 100;
  const height = AXIS + rows.length * ROW + 4;
  const chart = svg('svg', {
    width: '100%',
    height,
    role: 'img',
    'aria-label': `时间线：${rows.length} 个节点。${rows.map((r) => describe(r, format)).join('。')}`,
    class: 'gantt',
  });
  chart.append(
    svg('text', { x: 0, y: 14, class: 'axis' }, format(new Date(span.from).toISOString())),
    svg(
      'text',
      { x: '100%', y: 14, class: 'axis', 'text-anchor': 'end' },
      format(new Date(span.to).toISOString()),
    ),
  );
  rows.forEach((row, i) => {
    chart.append(rowGroup(row, i, at, format));
  });
  if (live) {
    const x = `${at(nowMs)}%`;
    chart.append(svg('line', { x1: x, x2: x, y1: AXIS - 4, y2: height, class: 'now' }));
  }
  return chart;
}
