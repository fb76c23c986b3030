'use strict';
// The Yardmaster dashboard: polls the JSON API every two seconds and redraws; no libraries.
(function () {
  const POLL_MS = 2000;
  const COLORS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2', '#4b5563'];
  const $ = (id) => document.getElementById(id);
  let config = { readOnly: true, tokenRequired: false };
  let openTask = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return e;
  }
  const fmt = (n, digits) => (n == null ? '–' : Number(n).toFixed(digits || 0));
  const pct = (f) => (f == null ? '–' : Math.round(f * 100) + '%');
  const age = (ms) => (ms < 1000 ? ms + ' ms' : (ms / 1000).toFixed(1) + ' s') + ' ago';

  async function api(path, options) {
    const res = await fetch('api/' + path, Object.assign({ cache: 'no-store' }, options));
    const body = await res.json().catch(() => ({}));
    if (!res.ok) { const err = new Error(body.error || res.statusText); err.status = res.status; throw err; }
    return body;
  }

  function say(text, isError) {
    const m = $('message');
    m.textContent = text;
    m.className = 'message' + (isError ? ' error' : '');
  }

  async function command(path) {
    const headers = { 'Content-Type': 'application/json' };
    if (config.tokenRequired) {
      let token = $('token').value || sessionStorage.getItem('yard-token');
      if (!token) { token = window.prompt('Token for cancel and replay'); }
      if (!token) { say('a token is needed', true); return; }
      sessionStorage.setItem('yard-token', token);
      headers['X-Yard-Token'] = token;
    }
    try {
      const r = await api(path, { method: 'POST', headers, body: '{}' });
      say(r.action + ' sent for ' + r.taskId);
      refresh();
    } catch (e) { say(e.message, true); }
  }

  function renderOverview(o) {
    config = o;
    $('total-agents').textContent = o.agents;
    $('total-queued').textContent = o.queued;
    $('total-running').textContent = o.running;
    $('total-completed').textContent = o.completed;
    $('total-failed').textContent = o.failed;
    $('total-dlq').textContent = o.deadLetters;
    $('total-rate').textContent = fmt(o.tasksPerSec, 1);
    $('token-box').hidden = !o.tokenRequired;
    $('mode').textContent = o.readOnly ? 'read-only' : '';
  }

  function renderPools(pools) {
    const box = $('pools');
    box.replaceChildren(...pools.map((p) => {
      const health = Object.entries(p.agentsByHealth || {}).map(([h, n]) => el('span', { class: h }, n + ' ' + h.toLowerCase())).flatMap((x, i) => (i ? [', ', x] : [x]));
      return el('div', { class: 'card pool-card', 'data-pool': p.pool },
        el('h3', {}, p.pool, el('span', { class: 'badge' + (p.paused ? ' paused' : ''), 'data-field': 'paused' }, p.paused ? 'paused' : 'running')),
        el('dl', {},
          el('dt', {}, 'agents'), el('dd', { 'data-field': 'agents' }, p.agents),
          el('dt', {}, 'by health'), el('dd', {}, health.length ? health : '–'),
          el('dt', {}, 'desired / actual'), el('dd', { 'data-field': 'desired' }, p.desiredAgents + ' / ' + p.agents),
          el('dt', {}, 'queued'), el('dd', { 'data-field': 'queued' }, p.queued),
          el('dt', {}, 'running'), el('dd', { 'data-field': 'running' }, p.running),
          el('dt', {}, 'tasks/s'), el('dd', { 'data-field': 'throughput' }, fmt(p.throughputPerSec, 1)),
          el('dt', {}, 'late'), el('dd', { 'data-field': 'late', title: 'finished after their deadline' }, p.lateFinished),
          el('dt', {}, 'average load'), el('dd', { 'data-field': 'load' }, pct(p.avgLoad))),
        el('div', { class: 'bar', title: 'average load' }, el('span', { style: 'width:' + Math.min(100, Math.round((p.avgLoad || 0) * 100)) + '%' })));
    }));
  }

  function renderAgents(agents) {
    $('agents').tBodies[0].replaceChildren(...agents.map((a) => el('tr', { 'data-agent': a.agentId },
      el('td', {}, a.agentId), el('td', {}, a.pool), el('td', { class: a.health, 'data-field': 'health' }, a.health),
      el('td', { class: 'num', 'data-field': 'slots' }, a.slotsUsed + ' / ' + a.slots), el('td', { class: 'num' }, pct(a.cpu)),
      el('td', { class: 'num' }, pct(a.memory)), el('td', { class: 'num' }, a.efficiency == null ? '–' : fmt(a.efficiency, 2)),
      el('td', { class: 'num' }, age(a.lastHeartbeatAgeMs)))));
  }

  function renderDlq(rows) {
    $('dlq').tBodies[0].replaceChildren(...rows.map((d) => el('tr', { 'data-task': d.taskId },
      el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); showTask(d.taskId); } }, d.taskId)),
      el('td', {}, d.pool), el('td', {}, d.type), el('td', { class: 'num' }, d.attempts), el('td', {}, d.reason), el('td', {}, d.at),
      el('td', {}, config.readOnly ? '' : el('button', { class: 'replay', onclick: () => command('dlq/' + encodeURIComponent(d.taskId) + '/replay') }, 'Replay')))));
  }

  function chart(svg, samples, pick, pools) {
    const W = 600, H = 160, pad = 4;
    svg.replaceChildren();
    if (samples.length < 2) { return; }
    const t0 = Date.parse(samples[0].at), t1 = Date.parse(samples[samples.length - 1].at);
    let max = 1;
    samples.forEach((s) => pools.forEach((p) => { const v = pick(s.pools[p]); if (v > max) max = v; }));
    const ns = 'http://www.w3.org/2000/svg';
    pools.forEach((p, i) => {
      const pts = samples.filter((s) => s.pools[p]).map((s) => {
        const x = pad + ((Date.parse(s.at) - t0) / Math.max(1, t1 - t0)) * (W - 2 * pad);
        const y = H - pad - (pick(s.pools[p]) / max) * (H - 2 * pad);
        return x.toFixed(1) + ',' + y.toFixed(1);
      });
      const line = document.createElementNS(ns, 'polyline');
      line.setAttribute('points', pts.join(' '));
      line.setAttribute('fill', 'none');
      line.setAttribute('stroke', COLORS[i % COLORS.length]);
      line.setAttribute('stroke-width', '2');
      line.setAttribute('vector-effect', 'non-scaling-stroke');
      line.setAttribute('data-pool', p);
      svg.append(line);
    });
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', 6); label.setAttribute('y', 14); label.setAttribute('font-size', 12); label.setAttribute('fill', '#6b7280');
    label.textContent = 'max ' + (Math.round(max * 10) / 10);
    svg.append(label);
  }

  function renderHistory(h) {
    const pools = [...new Set(h.samples.flatMap((s) => Object.keys(s.pools)))].sort();
    chart($('chart-throughput'), h.samples, (p) => (p ? p.throughputPerSec : 0), pools);
    chart($('chart-queue'), h.samples, (p) => (p ? p.queued : 0), pools);
    $('legend').replaceChildren(...pools.map((p, i) => el('span', { style: 'color:' + COLORS[i % COLORS.length] }, '■ ' + p)));
  }

  async function showTask(id) {
    openTask = id;
    $('task-id').value = id;
    const box = $('task-detail');
    try {
      const t = await api('tasks/' + encodeURIComponent(id));
      const queued = ['SUBMITTED', 'WAITING', 'READY', 'RETRY_WAIT', 'ASSIGNED', 'RUNNING'].includes(t.state);
      box.replaceChildren(
        el('div', { class: 'facts' }, 'task ', el('b', { id: 'task-name' }, t.id), ' in pool ', t.pool || '–', ': ',
          el('b', { id: 'task-state', class: t.state }, t.state),
          t.view && t.view.attempt ? ' (attempt ' + t.view.attempt + ')' : '', ' ',
          queued && !config.readOnly ? el('button', { id: 'task-cancel', onclick: () => command('tasks/' + encodeURIComponent(t.id) + '/cancel') }, 'Cancel') : ''),
        el('table', { id: 'task-events' },
          el('thead', {}, el('tr', {}, el('th', {}, 'at'), el('th', {}, 'event'), el('th', {}, 'from'), el('th', {}, 'to'), el('th', {}, 'agent'), el('th', {}, 'attempt'), el('th', {}, 'reason'))),
          el('tbody', {}, t.events.map((e) => el('tr', {}, el('td', {}, e.at), el('td', {}, e.type), el('td', {}, e.from || ''), el('td', {}, e.to || ''),
            el('td', {}, e.agentId || ''), el('td', { class: 'num' }, e.attempt), el('td', {}, e.reason || ''))))));
    } catch (e) {
      box.replaceChildren(el('p', { id: 'task-missing', class: 'message error' }, e.message));
    }
  }

  async function refresh() {
    try {
      const [o, p, a, d, h] = await Promise.all([api('overview'), api('pools'), api('agents'), api('dlq'), api('history')]);
      renderOverview(o); renderPools(p); renderAgents(a); renderDlq(d); renderHistory(h);
      if (openTask) { await showTask(openTask); }
      $('status').textContent = 'updated ' + new Date().toLocaleTimeString();
      $('status').dataset.updatedAt = o.at;
    } catch (e) {
      $('status').textContent = 'cannot reach the dispatcher: ' + e.message;
    }
  }

  $('task-form').addEventListener('submit', (e) => { e.preventDefault(); const id = $('task-id').value.trim(); if (id) showTask(id); });
  $('token').value = sessionStorage.getItem('yard-token') || '';
  refresh();
  setInterval(refresh, POLL_MS);
})();
