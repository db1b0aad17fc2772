// The engineers' console's browser script (plain ES2020, no framework): tickets list, a ticket's packet, actions and
// the chat box, all through the tickets API. Data is only ever inserted as text, never as HTML.
export const CONSOLE_SCRIPT = String.raw`
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { id: null, timer: null };
  const keyInput = $('api-key'), nameInput = $('engineer-name');
  keyInput.value = sessionStorage.getItem('engineers-key') || '';
  nameInput.value = sessionStorage.getItem('engineer-name') || '';
  keyInput.addEventListener('change', () => { sessionStorage.setItem('engineers-key', keyInput.value.trim()); refresh(); });
  nameInput.addEventListener('change', () => sessionStorage.setItem('engineer-name', nameInput.value.trim()));

  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function status(msg) { $('status').textContent = msg; }
  async function api(path, body) {
    const res = await fetch(path, { method: body ? 'POST' : 'GET', headers: Object.assign({ authorization: 'Bearer ' + keyInput.value.trim() }, body ? { 'content-type': 'application/json' } : {}), body: body ? JSON.stringify(body) : undefined });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(data.message || ('HTTP ' + res.status));
    return data;
  }
  async function refresh() {
    if (!keyInput.value.trim()) { status('Enter the engineers API key.'); return; }
    try {
      const data = await api('/api/tickets');
      const list = $('tickets'); list.replaceChildren();
      for (const t of data.tickets) {
        const li = el('li'); const b = el('button', '#' + t.id + ' ' + t.status + (t.live ? ' (live)' : '') + ': ' + (t.topHypothesis || t.summary).slice(0, 90));
        b.dataset.ticket = String(t.id); b.addEventListener('click', () => open(t.id)); li.append(b); list.append(li);
      }
      status(data.tickets.length + ' ticket(s)');
      if (state.id) await show(state.id);
    } catch (e) { status(e.message); }
  }
  async function open(id) { state.id = id; location.hash = 'ticket-' + id; await show(id); }
  function section(title, items) { const s = el('section'); s.append(el('h3', title)); const ul = el('ul'); for (const i of items) ul.append(el('li', i)); if (!items.length) ul.append(el('li', 'none')); s.append(ul); return s; }
  async function show(id) {
    const { ticket: t, deliveries } = await api('/api/tickets/' + id);
    const p = t.packet; const d = $('detail'); d.hidden = false;
    $('ticket-title').textContent = 'Ticket #' + t.id + ': ' + t.status + (t.takenBy ? ' (' + t.takenBy + ')' : '') + (t.live ? ', live chat' : ', chat ended');
    $('ticket-summary').textContent = p.summary;
    const packet = $('packet'); packet.replaceChildren(
      section('User\'s words', p.userWords),
      section('Codes', p.codes.map((c) => c.canonical + ' ' + c.name + ': ' + c.message)),
      section('Environment', Object.entries(p.environment).map(([k, v]) => k + ': ' + v.join(', '))),
      section('Hypotheses', p.hypotheses.map((h) => h.title + ' [' + h.id + '] ' + (h.confidenceLabel || '') + ' - ' + h.feedback)),
      section('Questions asked', p.questions.map((q) => q.question + ' -> ' + (q.answered === false ? 'not answered' : q.answer))),
      section('Files', p.files.map((f) => f.name + (f.summary ? ': ' + f.summary : '') + ' (' + f.evidence.length + ' evidence)')),
      section('Transcript', p.transcript.map((e) => e.from + ': ' + e.text)),
      section('History', t.history.map((h) => h.at + ' ' + h.status + (h.by ? ' by ' + h.by : '') + (h.note ? ': ' + h.note : ''))),
      section('Deliveries', deliveries.map((x) => x.kind + ': ' + (x.delivered ? 'delivered' : x.failed ? 'failed' : 'pending') + ' after ' + x.attempts + ' attempt(s)' + (x.lastError ? ' (' + x.lastError + ')' : ''))),
    );
    if (p.reportUrl) { const a = el('a', 'Report page'); a.href = p.reportUrl; a.rel = 'noreferrer'; a.target = '_blank'; packet.prepend(a); }
    const log = $('messages'); log.replaceChildren();
    for (const m of t.messages) log.append(el('li', (m.name || m.from) + ': ' + m.text, 'from-' + m.from));
  }
  async function act(body) {
    if (!state.id) return;
    const by = nameInput.value.trim() || 'engineer';
    try { await api('/api/tickets/' + state.id + '/actions', Object.assign({ by }, body)); await show(state.id); status('Done.'); }
    catch (e) { status(e.message); }
  }
  $('take').addEventListener('click', () => act({ action: 'take' }));
  $('wait').addEventListener('click', () => act({ action: 'wait', note: $('note').value || undefined }));
  $('resolve').addEventListener('click', () => act({ action: 'resolve', causeId: $('cause').value.trim(), note: $('note').value || undefined }));
  $('close').addEventListener('click', () => act({ action: 'close', note: $('note').value || undefined }));
  $('chat').addEventListener('submit', async (ev) => { ev.preventDefault(); const box = $('chat-text'); const text = box.value.trim(); if (!text) return; await act({ action: 'message', text }); box.value = ''; });
  const m = /^#ticket-(\d+)$/.exec(location.hash); if (m) state.id = Number(m[1]);
  refresh(); state.timer = setInterval(refresh, 2000);
})();
`;
