// orderclock dashboard: live countdowns and number formats.
import { state } from './session.js';

export function tickCountdowns(generation) {
  const loop = () => {
    if (generation !== state.generation) return;
    updateCountdowns();
    setTimeout(loop, 200);
  };
  loop();
}

export function updateCountdowns() {
  const now = Date.now();
  document.querySelectorAll('.countdown[data-deadline]').forEach((el) => {
    const left = Date.parse(el.dataset.deadline) - now;
    el.classList.toggle('soon', left > 0 && left <= 5000);
    el.classList.toggle('due', left <= 0);
    el.textContent = left > 0 ? formatLeft(left) : 'due, closing…';
  });
}

export function formatLeft(millis) {
  const s = millis / 1000;
  if (s < 60) return s.toFixed(1) + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + Math.floor(s % 60) + ' s';
  const h = Math.floor(m / 60);
  return h < 48 ? h + ' h ' + (m % 60) + ' min' : Math.floor(h / 24) + ' d ' + (h % 24) + ' h';
}

export function ms(value) {
  return value == null ? '–' : value.toLocaleString() + ' ms';
}

export function time(iso) {
  const d = new Date(iso);
  return d.toLocaleTimeString([], { hour12: false }) + '.' + String(d.getMilliseconds()).padStart(3, '0');
}
