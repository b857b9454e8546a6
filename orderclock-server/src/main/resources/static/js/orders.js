// orderclock dashboard: the Orders table, paying an order and the demo orders.
import { $, AuthError, DEMO_SKU, MAX_ORDERS, api, authFailed, state } from './session.js';
import { time, updateCountdowns } from './countdowns.js';

export async function loadRecentOrders() {
  const page = await api('GET', '/api/orders?limit=' + MAX_ORDERS);
  for (const order of page.orders.slice().reverse()) upsertOrder(order, false);
  renderOrders();
}

export function upsertOrder(order, flash) {
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
export function renderOrders() {
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

export function queueRenderOrders() {
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
export async function recheckOverdue() {
  const now = Date.now();
  const stale = [...state.orders.values()].filter((o) => o.status === 'PENDING_PAYMENT'
      && Date.parse(o.payDeadline) < now - 2000 && (state.rechecked.get(o.id) || 0) < now - 3000);
  for (const order of stale.slice(0, 10)) {
    state.rechecked.set(order.id, now);
    upsertOrder(await api('GET', '/api/orders/' + encodeURIComponent(order.id)), true);
  }
  if (stale.length) renderOrders();
}

export async function createDemoOrders() {
  const count = Math.min(1000, Math.max(1, parseInt($('demo-count').value, 10) || 20));
  const timeout = Math.min(604800, Math.max(1, parseInt($('demo-timeout').value, 10) || 10));
  const button = $('demo-create');
  button.disabled = true;
  $('demo-result').textContent = 'Creating ' + count + ' orders…';
  try {
    await ensureDemoProduct(count);
    let next = 0;
    let created = 0;
    // One demo shopper per order, new ones on each press: a shopper may hold only a few unpaid
    // orders (orderclock.limits.max-pending-orders-per-shopper).
    const run = Date.now().toString(36);
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const order = await api('POST', '/api/orders',
            { items: [{ sku: DEMO_SKU, quantity: 1 + (i % 3) }], payTimeoutSeconds: timeout },
            { 'X-User-Id': 'demo-shopper-' + run + '-' + (1 + i) });
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
