// orderclock dashboard: counts, the close-lag chart and the next deadlines.
import { $, NEXT_DEADLINES, api, state } from './session.js';
import { ms, updateCountdowns } from './countdowns.js';

export async function refreshStats() {
  const stats = await api('GET', '/api/stats');
  for (const [status, n] of Object.entries(stats.orders)) {
    const el = $('count-' + status);
    if (el) el.textContent = n.toLocaleString();
  }
  $('closed-timeout').textContent = stats.closedByTimeout.toLocaleString();
  $('engine-mode').textContent = stats.engine.mode;
  $('engine-in-memory').textContent = stats.engine.inMemory.toLocaleString();
  $('engine-horizon').textContent = stats.engine.horizonSeconds + ' s';
  $('counted-at').textContent = stats.countedAt ? new Date(stats.countedAt).toLocaleTimeString([], { hour12: false }) : '–';
  $('mode').textContent = stats.engine.mode;
  $('mode').hidden = false;
  showPayments(stats.payments || {});
  const lag = stats.closeLag;
  $('lag-total-p50').textContent = ms(lag.p50Ms);
  $('lag-total-p99').textContent = ms(lag.p99Ms);
  $('lag-total-max').textContent = ms(lag.maxMs);
  $('lag-total-count').textContent = lag.count.toLocaleString();
}

/** One row per channel: payments taken, kept, refunded (or due back), and attempts still open. */
function showPayments(byChannel) {
  const rows = Object.entries(byChannel).map(([channel, p]) => {
    const tr = document.createElement('tr');
    tr.dataset.channel = channel;
    const refunded = p.refundsPending ? `${p.refunded} (+${p.refundsPending} due)` : String(p.refunded);
    for (const text of [channel, p.paid, p.kept, refunded, p.open]) {
      const td = document.createElement('td');
      td.textContent = String(text);
      tr.append(td);
    }
    return tr;
  });
  $('payments').tBodies[0].replaceChildren(...rows);
}

export async function refreshTimeline(seconds) {
  const data = await api('GET', '/api/stats/closes?seconds=' + seconds);
  const known = new Set(state.timeline.map((s) => s.at));
  for (const s of data.seconds) {
    const at = Math.round(Date.parse(s.at) / 1000);
    if (!known.has(at)) state.timeline.push({ at, closed: s.closed, p50Ms: s.p50Ms, p99Ms: s.p99Ms, maxMs: s.maxMs });
  }
  state.timeline.sort((a, b) => a.at - b.at);
  if (state.timeline.length > 300) state.timeline.splice(0, state.timeline.length - 300);
  const last = state.timeline[state.timeline.length - 1];
  $('closes-per-second').textContent = last ? last.closed.toLocaleString() : '0';
  const recent = state.timeline.slice(-10).filter((s) => s.closed > 0);
  $('lag-p99').textContent = recent.length ? ms(Math.max(...recent.map((s) => s.p99Ms))) : '–';
  drawChart();
}

export function initChart() {
  const box = $('chart');
  if (state.chart || typeof uPlot === 'undefined') return;
  const opts = {
    width: Math.max(280, box.clientWidth),
    height: 240,
    cursor: { drag: { x: false, y: false } },
    legend: { live: true },
    scales: { x: { time: true }, ms: { auto: true, range: (u, min, max) => [0, Math.max(10, max)] },
      n: { auto: true, range: (u, min, max) => [0, Math.max(5, max)] } },
    axes: [
      {},
      { scale: 'ms', label: 'lag (ms)', size: 50 },
      { scale: 'n', side: 1, label: 'closes/s', grid: { show: false }, size: 50 },
    ],
    series: [
      {},
      { label: 'p50', scale: 'ms', stroke: '#2563eb', width: 2, value: (u, v) => v == null ? '–' : v + ' ms' },
      { label: 'p99', scale: 'ms', stroke: '#d97706', width: 2, value: (u, v) => v == null ? '–' : v + ' ms' },
      { label: 'max', scale: 'ms', stroke: '#dc2626', width: 1, dash: [4, 4], value: (u, v) => v == null ? '–' : v + ' ms' },
      { label: 'closes/s', scale: 'n', stroke: '#94a3b8', fill: 'rgba(148,163,184,0.15)', width: 1, points: { show: false } },
    ],
  };
  state.chart = new uPlot(opts, [[], [], [], [], []], box);
  new ResizeObserver(() => state.chart.setSize({ width: Math.max(280, box.clientWidth), height: 240 })).observe(box);
}

export function drawChart() {
  if (!state.chart) return;
  const t = state.timeline;
  // A second without closes has no lag: a gap in the lines, not a zero.
  const lagOf = (key) => t.map((s) => (s.closed > 0 ? s[key] : null));
  state.chart.setData([t.map((s) => s.at), lagOf('p50Ms'), lagOf('p99Ms'), lagOf('maxMs'), t.map((s) => s.closed)]);
}

/**
 * The nearest deadlines, asked for a few more than shown: at hundreds of closes a second the first
 * ones close within the second, so those already past are left out rather than shown as stuck.
 */
export async function refreshNextDeadlines() {
  const data = await api('GET', '/api/stats/next-deadlines?limit=' + (NEXT_DEADLINES * 3));
  const now = Date.now();
  const next = data.deadlines.filter((d) => Date.parse(d.payDeadline) > now - 500).slice(0, NEXT_DEADLINES);
  const list = $('next-deadlines');
  list.replaceChildren(...next.map((d) => {
    const li = document.createElement('li');
    const id = document.createElement('span');
    id.className = 'id';
    id.textContent = d.orderId;
    const left = document.createElement('span');
    left.className = 'countdown';
    left.dataset.deadline = d.payDeadline;
    li.append(id, left);
    return li;
  }));
  $('next-empty').hidden = data.deadlines.length > 0;
  updateCountdowns();
}
