// orderclock dashboard: plain JavaScript, no build step, nothing loaded from outside this server.
// Every call carries the operator token in the Authorization header; the token comes from the URL
// fragment (#token=..., printed by the server at start-up) or the sign-in form, and lives in
// sessionStorage, never in a URL the browser sends.
(function () {
  'use strict';

  const TOKEN_KEY = 'orderclock.token';
  const DEMO_SKU = 'DEMO-TEA';
  const MAX_ORDERS = 40;
  const MAX_EVENTS = 100;
  const NEXT_DEADLINES = 8;

  const $ = (id) => document.getElementById(id);
  const state = {
    token: null,
    generation: 0,          // bumped on sign-in/out: loops of an older generation stop
    orders: new Map(),      // id -> order representation, the rows of the Orders table
    rows: new Map(),        // id -> its <tr>, kept while the status stays the same
    rechecked: new Map(),   // id -> when it was last fetched because it stayed pending past its deadline
    timeline: [],           // {at (s), closed, p50Ms, p99Ms, maxMs}
    chart: null,
    lastEventId: null,
    pendingEvents: [],
    renderQueued: false,
    ordersQueued: false,
  };

  class AuthError extends Error {}

  // ---- token -------------------------------------------------------------------------------

  function tokenFromFragment() {
    const match = /(?:^|[#&])token=([^&]+)/.exec(location.hash);
    if (!match) return null;
    history.replaceState(null, '', location.pathname + location.search); // keep it off screen and out of bookmarks
    return decodeURIComponent(match[1]);
  }

  function start() {
    const fromFragment = tokenFromFragment();
    if (fromFragment) sessionStorage.setItem(TOKEN_KEY, fromFragment);
    const token = sessionStorage.getItem(TOKEN_KEY);
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = $('token-input').value.trim();
      if (value) { sessionStorage.setItem(TOKEN_KEY, value); signIn(value); }
    });
    $('sign-out').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      showGate('Signed out', 'Paste the operator token to open the dashboard again.');
    });
    $('demo-form').addEventListener('submit', (e) => { e.preventDefault(); createDemoOrders(); });
    document.querySelectorAll('#faults input').forEach((box) => box.addEventListener('change', () => setFault(box)));
    window.addEventListener('hashchange', () => {
      const next = tokenFromFragment();
      if (next) { sessionStorage.setItem(TOKEN_KEY, next); signIn(next); }
    });
    if (token) signIn(token);
    else showGate('Operator token needed',
        'No operator token: open the dashboard address the server printed at start-up, or paste the token below.');
  }

  function showGate(title, message) {
    state.generation++;
    state.token = null;
    $('gate-title').textContent = title;
    $('auth-message').textContent = message;
    $('gate').hidden = false;
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('mode').hidden = true;
    setLive('off', 'offline');
    clearData();
  }

  function authFailed() {
    sessionStorage.removeItem(TOKEN_KEY);
    showGate('Wrong operator token',
        'The server refused this token (401): it is not this server\u2019s operator token. '
        + 'A generated token changes at every restart; use the address printed by the latest start.');
  }

  async function signIn(token) {
    state.generation++;
    state.token = token;
    const generation = state.generation;
    try {
      await refreshStats(); // proves the token before anything is shown
    } catch (e) {
      if (e instanceof AuthError) { authFailed(); return; }
      showGate('Server unreachable', 'Could not reach the server: ' + e.message);
      return;
    }
    $('gate').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    initChart();
    loadRecentOrders().catch(report);
    loadFaults().catch(report);
    refreshTimeline(300).catch(report);
    refreshNextDeadlines().catch(report);
    every(1000, generation, () => Promise.all([refreshStats(), refreshTimeline(5), refreshNextDeadlines()]));
    every(1000, generation, recheckOverdue);
    tickCountdowns(generation);
    streamEvents(generation);
  }

  function clearData() {
    state.orders.clear();
    state.rows.clear();
    state.timeline = [];
    state.lastEventId = null;
    document.querySelectorAll('.tile .value').forEach((el) => { el.textContent = '–'; });
    ['closed-timeout', 'lag-p99', 'engine-mode', 'engine-in-memory', 'engine-horizon', 'counted-at',
      'lag-total-p50', 'lag-total-p99', 'lag-total-max', 'lag-total-count'].forEach((id) => { $(id).textContent = '–'; });
    $('events').replaceChildren();
    $('next-deadlines').replaceChildren();
    document.querySelector('#orders tbody').replaceChildren();
  }

  // ---- HTTP --------------------------------------------------------------------------------

  async function api(method, path, body, extraHeaders) {
    const headers = Object.assign({ Authorization: 'Bearer ' + state.token, Accept: 'application/json' }, extraHeaders || {});
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (response.status === 401) throw new AuthError('401');
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((json && (json.detail || json.title)) || ('HTTP ' + response.status));
      error.status = response.status;
      throw error;
    }
    return json;
  }

  function every(millis, generation, task) {
    const loop = async () => {
      if (generation !== state.generation) return;
      try { await task(); } catch (e) { if (e instanceof AuthError) { authFailed(); return; } }
      setTimeout(loop, millis);
    };
    setTimeout(loop, millis);
  }

  function report(e) {
    if (e instanceof AuthError) authFailed();
  }

  // ---- stats, chart, next deadlines ----------------------------------------------------------

  async function refreshStats() {
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
    const lag = stats.closeLag;
    $('lag-total-p50').textContent = ms(lag.p50Ms);
    $('lag-total-p99').textContent = ms(lag.p99Ms);
    $('lag-total-max').textContent = ms(lag.maxMs);
    $('lag-total-count').textContent = lag.count.toLocaleString();
  }

  async function refreshTimeline(seconds) {
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

  function initChart() {
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

  function drawChart() {
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
  async function refreshNextDeadlines() {
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

  // ---- orders ------------------------------------------------------------------------------

  async function loadRecentOrders() {
    const page = await api('GET', '/api/orders?limit=' + MAX_ORDERS);
    for (const order of page.orders.slice().reverse()) upsertOrder(order, false);
    renderOrders();
  }

  function upsertOrder(order, flash) {
    const known = state.orders.get(order.id);
    // Events of one order arrive in order; a stale snapshot (an older poll) must not undo a newer one.
    if (known && rank(known.status) > rank(order.status)) return;
    state.orders.delete(order.id);
    state.orders.set(order.id, Object.assign({}, order, { flash }));
    while (state.orders.size > MAX_ORDERS) state.orders.delete(state.orders.keys().next().value);
  }

  function rank(status) {
    return { PENDING_PAYMENT: 0, PAID: 1, CLOSED: 1, SHIPPED: 2, COMPLETED: 3 }[status] || 0;
  }

  /** Rows are kept per order and rebuilt only when its status changes, so a button is never pulled from under a click. */
  function renderOrders() {
    const body = document.querySelector('#orders tbody');
    const rows = [...state.orders.values()].reverse().map((order) => {
      const kept = state.rows.get(order.id);
      if (kept && kept.dataset.status === order.status) return kept;
      const tr = buildRow(order);
      state.rows.set(order.id, tr);
      return tr;
    });
    for (const id of [...state.rows.keys()]) if (!state.orders.has(id)) state.rows.delete(id);
    body.replaceChildren(...rows);
    $('orders-empty').hidden = rows.length > 0;
    updateCountdowns();
  }

  function buildRow(order) {
    const tr = document.createElement('tr');
    tr.dataset.orderId = order.id;
    tr.dataset.status = order.status;
    if (order.flash) {
      tr.className = 'flash'; // once: a row moved in the table would otherwise flash again
      setTimeout(() => tr.classList.remove('flash'), 1300);
    }
    const status = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = 'st st-' + order.status;
    badge.textContent = order.status + (order.closeReason ? ' · ' + order.closeReason.replace('_', ' ').toLowerCase() : '');
    status.append(badge);
    const deadline = document.createElement('td');
    const action = document.createElement('td');
    if (order.status === 'PENDING_PAYMENT') {
      const left = document.createElement('span');
      left.className = 'countdown';
      left.dataset.deadline = order.payDeadline;
      deadline.append(left);
      const pay = document.createElement('button');
      pay.type = 'button';
      pay.className = 'pay';
      pay.textContent = 'Pay';
      pay.title = 'Open a trade at the simulated Alipay and pay it as the buyer';
      pay.addEventListener('click', () => payOrder(order, pay));
      action.append(pay);
    } else {
      deadline.className = 'muted';
      deadline.textContent = order.paidAt ? 'paid ' + time(order.paidAt) : order.closedAt ? 'closed ' + time(order.closedAt) : '';
    }
    tr.append(cell('id', order.id), status, cell('num', order.amount + ' ' + order.currency), deadline, action);
    return tr;
  }

  function queueRenderOrders() {
    if (state.ordersQueued) return;
    state.ordersQueued = true;
    setTimeout(() => { state.ordersQueued = false; renderOrders(); }, 50); // not requestAnimationFrame: paused in hidden tabs
  }

  function cell(className, text) {
    const td = document.createElement('td');
    td.className = className;
    td.textContent = text;
    return td;
  }

  async function payOrder(order, button) {
    button.disabled = true;
    button.textContent = 'Paying…';
    try {
      // The owner opens the trade (an operator acts for the shopper named in X-User-Id) ...
      const trade = await api('POST', '/api/orders/' + encodeURIComponent(order.id) + '/pay', undefined,
          { 'X-User-Id': order.userId });
      // ... and the buyer pays at the simulated channel, which notifies the service, signed, as Alipay does.
      await api('POST', '/sim/trades/' + encodeURIComponent(trade.tradeNo) + '/pay');
      button.textContent = 'Paid at channel';
    } catch (e) {
      if (e instanceof AuthError) { authFailed(); return; }
      button.textContent = e.status === 409 ? 'Too late' : 'Failed';
      button.title = e.message;
    }
  }

  /** An order still pending a few seconds after its deadline is asked for again (its event may have been skipped). */
  async function recheckOverdue() {
    const now = Date.now();
    const stale = [...state.orders.values()].filter((o) => o.status === 'PENDING_PAYMENT'
        && Date.parse(o.payDeadline) < now - 2000 && (state.rechecked.get(o.id) || 0) < now - 3000);
    for (const order of stale.slice(0, 10)) {
      state.rechecked.set(order.id, now);
      upsertOrder(await api('GET', '/api/orders/' + encodeURIComponent(order.id)), true);
    }
    if (stale.length) renderOrders();
  }

  async function createDemoOrders() {
    const count = Math.min(1000, Math.max(1, parseInt($('demo-count').value, 10) || 20));
    const timeout = Math.min(604800, Math.max(1, parseInt($('demo-timeout').value, 10) || 10));
    const button = $('demo-create');
    button.disabled = true;
    $('demo-result').textContent = 'Creating ' + count + ' orders…';
    try {
      await ensureDemoProduct(count);
      let next = 0;
      let created = 0;
      const worker = async () => {
        while (next < count) {
          const i = next++;
          const order = await api('POST', '/api/orders',
              { items: [{ sku: DEMO_SKU, quantity: 1 + (i % 3) }], payTimeoutSeconds: timeout },
              { 'X-User-Id': 'demo-shopper-' + (1 + (i % 5)) });
          created++;
          upsertOrder(order, true);
          queueRenderOrders();
        }
      };
      await Promise.all(Array.from({ length: Math.min(8, count) }, worker));
      renderOrders();
      $('demo-result').textContent = created + (created === 1 ? ' order' : ' orders') + ' created; '
          + (created === 1 ? 'it closes' : 'each closes') + ' by itself ' + timeout + ' s after it was placed unless you pay it.';
    } catch (e) {
      if (e instanceof AuthError) { authFailed(); return; }
      $('demo-result').textContent = 'Could not create the demo orders: ' + e.message;
    } finally {
      button.disabled = false;
    }
  }

  async function ensureDemoProduct(count) {
    let product;
    try {
      product = await api('GET', '/api/products/' + DEMO_SKU);
    } catch (e) {
      if (e.status !== 404) throw e;
      try {
        product = await api('POST', '/api/products', { sku: DEMO_SKU, name: 'Demo green tea', price: '9.99', stock: 100000 });
      } catch (e2) {
        if (e2.status !== 409) throw e2; // another dashboard made it first
        product = await api('GET', '/api/products/' + DEMO_SKU);
      }
    }
    if (product.available < count * 3) {
      await api('POST', '/api/products/' + DEMO_SKU + '/restock', { quantity: 100000 });
    }
  }

  // ---- simulator faults --------------------------------------------------------------------

  async function loadFaults() {
    try {
      showFaults(await api('GET', '/sim/faults'));
    } catch (e) {
      if (e instanceof AuthError) throw e;
      document.querySelectorAll('#faults input').forEach((box) => { box.disabled = true; });
      $('faults-note').textContent = e.status === 404 ? 'The simulator is off on this server (orderclock.sim.enabled=false).'
          : 'Could not read the simulator: ' + e.message;
    }
  }

  function showFaults(settings) {
    document.querySelectorAll('#faults input').forEach((box) => {
      const value = settings[box.dataset.fault]; // named as the properties: notify-drop-rate
      box.checked = value !== undefined && String(value) !== box.dataset.off && Number(value) !== 0 && value !== false;
    });
  }

  async function setFault(box) {
    const raw = box.checked ? box.dataset.on : box.dataset.off;
    const value = raw === 'true' ? true : raw === 'false' ? false : Number(raw);
    try {
      showFaults(await api('PUT', '/sim/faults', { [box.dataset.fault]: value }));
      $('faults-note').textContent = '';
    } catch (e) {
      if (e instanceof AuthError) { authFailed(); return; }
      box.checked = !box.checked;
      $('faults-note').textContent = 'The simulator refused: ' + e.message;
    }
  }

  // ---- events (server-sent events over fetch, so that the token stays in a header) -----------

  async function streamEvents(generation) {
    let backoff = 500;
    while (generation === state.generation) {
      try {
        const headers = { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream' };
        if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
        const controller = new AbortController();
        const response = await fetch('/api/events', { headers, signal: controller.signal, cache: 'no-store' });
        if (response.status === 401) { authFailed(); return; }
        if (!response.ok || !response.body) throw new Error('HTTP ' + response.status);
        setLive('on', 'live');
        backoff = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (generation !== state.generation) { controller.abort(); return; }
          buffer += value.replace(/\r\n?/g, '\n');
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            handleBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (e) {
        // dropped connection or server restart: try again below
      }
      if (generation !== state.generation) return;
      setLive('retry', 'reconnecting');
      await new Promise((resolve) => setTimeout(resolve, backoff));
      backoff = Math.min(backoff * 2, 10000);
    }
  }

  function handleBlock(block) {
    let id = null;
    let type = 'message';
    const data = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (!data.length) return;
    if (id) state.lastEventId = id;
    state.pendingEvents.push({ type, data: JSON.parse(data.join('\n')) });
    if (!state.renderQueued) {
      state.renderQueued = true;
      setTimeout(renderEvents, 50);
    }
  }

  function renderEvents() {
    state.renderQueued = false;
    const batch = state.pendingEvents.splice(0);
    const list = $('events');
    let ordersChanged = false;
    const items = [];
    for (const { type, data } of batch.slice(-MAX_EVENTS)) {
      const li = document.createElement('li');
      if (type === 'skipped') {
        li.className = 'note';
        li.textContent = '… ' + data.skipped.toLocaleString() + ' events skipped to keep up (the counts above stay exact)';
      } else {
        const t = document.createElement('span');
        t.className = 't';
        t.textContent = time(data.occurredAt);
        const kind = document.createElement('span');
        kind.className = 'ev-' + type.replace('.', '-');
        kind.textContent = type;
        const order = document.createElement('span');
        order.className = 'id o';
        order.textContent = data.orderId;
        const status = document.createElement('span');
        status.className = 's muted';
        status.textContent = data.order ? data.order.status + ' · ' + data.order.amount + ' ' + data.order.currency : '';
        li.append(t, kind, order, status);
      }
      items.push(li);
    }
    for (const { type, data } of batch) {
      if (type !== 'skipped' && data.order) {
        const known = state.orders.has(data.orderId);
        // New orders join the table; changes of orders it shows update them.
        if (type === 'order.created' || known) { upsertOrder(data.order, true); ordersChanged = true; }
      }
    }
    list.prepend(...items.reverse());
    while (list.children.length > MAX_EVENTS) list.lastElementChild.remove();
    if (ordersChanged) queueRenderOrders();
  }

  function setLive(stateName, text) {
    $('live').dataset.state = stateName;
    $('live-text').textContent = text;
  }

  // ---- countdowns --------------------------------------------------------------------------

  function tickCountdowns(generation) {
    const loop = () => {
      if (generation !== state.generation) return;
      updateCountdowns();
      setTimeout(loop, 200);
    };
    loop();
  }

  function updateCountdowns() {
    const now = Date.now();
    document.querySelectorAll('.countdown[data-deadline]').forEach((el) => {
      const left = Date.parse(el.dataset.deadline) - now;
      el.classList.toggle('soon', left > 0 && left <= 5000);
      el.classList.toggle('due', left <= 0);
      el.textContent = left > 0 ? formatLeft(left) : 'due, closing…';
    });
  }

  function formatLeft(millis) {
    const s = millis / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    const m = Math.floor(s / 60);
    if (m < 60) return m + ' min ' + Math.floor(s % 60) + ' s';
    const h = Math.floor(m / 60);
    return h < 48 ? h + ' h ' + (m % 60) + ' min' : Math.floor(h / 24) + ' d ' + (h % 24) + ' h';
  }

  function ms(value) {
    return value == null ? '–' : value.toLocaleString() + ' ms';
  }

  function time(iso) {
    const d = new Date(iso);
    return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
  }

  start();
}());
