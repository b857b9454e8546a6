// orderclock dashboard: the channel simulator's fault switches.
import { $, AuthError, api, authFailed } from './session.js';

export async function loadFaults() {
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

export async function setFault(box) {
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
