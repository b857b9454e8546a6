// orderclock dashboard: the event stream (server-sent events read with fetch, so that the token stays in a header).
import { $, MAX_EVENTS, state, authFailed } from './session.js';
import { queueRenderOrders, upsertOrder } from './orders.js';
import { time } from './countdowns.js';

export async function streamEvents(generation) {
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

export function setLive(stateName, text) {
  $('live').dataset.state = stateName;
  $('live-text').textContent = text;
}
