// orderclock dashboard: the shared state, the operator token and the HTTP calls.
// Every call carries the operator token in the Authorization header; the token comes from the URL
// fragment (#token=..., printed by the server at start-up) or the sign-in form, and lives in
// sessionStorage, never in a URL the browser sends.

export const TOKEN_KEY = 'orderclock.token';
export const DEMO_SKU = 'DEMO-TEA';
export const MAX_ORDERS = 40;
export const MAX_EVENTS = 100;
export const NEXT_DEADLINES = 8;

export const $ = (id) => document.getElementById(id);
export const state = {
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

export class AuthError extends Error {}

let onAuthFailed = () => {};

/** What to do when the server answers 401: set by main.js (back to the sign-in card). */
export function whenAuthFails(handler) {
  onAuthFailed = handler;
}

export function authFailed() {
  onAuthFailed();
}

export async function api(method, path, body, extraHeaders) {
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

export function every(millis, generation, task) {
  const loop = async () => {
    if (generation !== state.generation) return;
    try { await task(); } catch (e) { if (e instanceof AuthError) { authFailed(); return; } }
    setTimeout(loop, millis);
  };
  setTimeout(loop, millis);
}

export function report(e) {
  if (e instanceof AuthError) authFailed();
}
