// orderclock dashboard: sign-in, sign-out and the start of every live part.
import { $, AuthError, TOKEN_KEY, authFailed, every, report, state, whenAuthFails } from './session.js';
import { initChart, refreshNextDeadlines, refreshStats, refreshTimeline } from './stats.js';
import { createDemoOrders, loadRecentOrders, recheckOverdue } from './orders.js';
import { loadFaults, setFault } from './faults.js';
import { setLive, streamEvents } from './events.js';
import { tickCountdowns } from './countdowns.js';

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

function signInFailed() {
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

whenAuthFails(signInFailed);
start();
