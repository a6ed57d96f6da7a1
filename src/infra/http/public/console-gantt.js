// The task page's Gantt timeline, drawn as plain SVG.
// Why our own: the Gantt libraries we looked at (frappe-gantt, dhtmlx-gantt) lay out by the day
// or hour, have no deadline markers or "now" line, and would need installing and bundling; a
// task has a handful of nodes whose times range from seconds (fast demo ladders) to weeks, so a
// few proportional bars are all that is needed. Positions are percentages, so the chart fills
// any width (a phone's too) without shrinking its text. The axis (its span, day ticks, days off,
// the event day) comes from the server, which knows the org's calendar.
const SVG = 'http://www.w3.org/2000/svg';
const ROW = 48;
const AXIS = 24;
/** About how wide a character of an axis label is (12px digits and slashes), and the room between labels. */
const LABEL_CHAR_PX = 7;
const LABEL_GAP_PX = 8;

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const child of children) node.append(child);
  return node;
}

const ms = (iso) => (iso ? new Date(iso).getTime() : null);

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

function rowGroup(row, index, at, format, formatExact) {
  const y = AXIS + index * ROW;
  const text = describe(row, formatExact);
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

/** Where a label near an edge is anchored, so it is not cut off. */
const anchorAt = (x) => (x < 6 ? 'start' : x > 94 ? 'end' : 'middle');

/** The axis behind the rows: days off shaded, the event day, a line and label per tick. */
function axisLayer(axis, at, height, width) {
  const g = svg('g', { class: 'axis-layer' });
  for (const day of axis.offDays) {
    const x = at(ms(day.from));
    g.append(
      svg(
        'rect',
        { x: `${x}%`, y: AXIS - 4, width: `${at(ms(day.to)) - x}%`, height, class: 'off-day' },
        svg('title', {}, `非工作日 ${day.date}`),
      ),
    );
  }
  if (axis.eventDay) {
    const x1 = Math.max(0, at(ms(axis.eventDay.from)));
    const x2 = Math.min(100, at(ms(axis.eventDay.to)));
    if (x1 <= 100 && x2 >= 0) {
      g.append(
        svg('rect', {
          x: `${x1}%`,
          y: AXIS - 4,
          width: `${Math.max(0.4, x2 - x1)}%`,
          height,
          class: 'event-day',
        }),
        svg(
          'text',
          { x: `${x1}%`, y: height + AXIS + 10, class: 'event-label', 'text-anchor': anchorAt(x1) },
          axis.eventDay.label,
        ),
      );
    }
  }
  let labelsEnd = Number.NEGATIVE_INFINITY;
  for (const tick of axis.ticks) {
    const x = at(ms(tick.at));
    const kind = tick.label ? 'tick' : 'tick minor';
    g.append(svg('line', { x1: `${x}%`, x2: `${x}%`, y1: AXIS - 4, y2: height, class: kind }));
    if (!tick.label) continue;
    // A label that would run into the one before it (a phone's width) is left out.
    const anchor = anchorAt(x);
    const labelWidth = tick.label.length * LABEL_CHAR_PX;
    const left = (x / 100) * width - { start: 0, middle: labelWidth / 2, end: labelWidth }[anchor];
    if (left < labelsEnd + LABEL_GAP_PX) continue;
    labelsEnd = left + labelWidth;
    g.append(svg('text', { x: `${x}%`, y: 14, class: 'axis', 'text-anchor': anchor }, tick.label));
  }
  return g;
}

/**
 * Renders the timeline on the server's axis: days off shaded, day ticks, the event day, one row
 * per node (activation → completion or now), its deadline as a mark, the late part in red, and
 * a line at now when now is on the axis. `format` writes times shown on the chart (to the
 * minute), `formatExact` those in its descriptions; `width` is the chart's width in pixels.
 */
export function renderGantt(rows, { axis, width, format, formatExact }) {
  const from = ms(axis.from);
  const to = ms(axis.to);
  const at = (t) => ((t - from) / (to - from)) * 100;
  const rowsHeight = rows.length * ROW;
  const height = AXIS + rowsHeight + 4 + (axis.eventDay ? 16 : 0);
  const chart = svg('svg', {
    width: '100%',
    height,
    role: 'img',
    'aria-label': `时间线：${rows.length} 个节点。${rows.map((r) => describe(r, formatExact)).join('。')}${axis.eventDay ? `。${axis.eventDay.label}` : ''}`,
    class: 'gantt',
  });
  chart.append(axisLayer(axis, at, rowsHeight + 4, width));
  rows.forEach((row, i) => {
    chart.append(rowGroup(row, i, at, format, formatExact));
  });
  if (axis.now) {
    const x = `${at(ms(axis.now))}%`;
    chart.append(
      svg(
        'line',
        { x1: x, x2: x, y1: AXIS - 4, y2: AXIS + rowsHeight, class: 'now' },
        svg('title', {}, `现在 ${format(axis.now)}`),
      ),
    );
  }
  return chart;
}
