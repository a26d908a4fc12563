import { t, language, setLanguage } from './i18n.js';
import { parsePolicy, verifyEvent } from './verify.js';
import { verifyEvidence } from './evidence.js';
import { drawMap } from './map.js';

const state = { token: null, claims: null, config: null, feed: null };
const $ = (sel, root = document) => root.querySelector(sel);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// --- configuration and sign-in -------------------------------------------------------------

async function loadConfig() {
  const params = new URLSearchParams(location.search);
  if (params.get('config')) sessionStorage.setItem('yrd.config', atob(params.get('config')));
  const stored = sessionStorage.getItem('yrd.config');
  state.config = stored ? JSON.parse(stored) : await (await fetch('config.json')).json();
}

function decode(token) {
  const part = token.split('.')[1];
  if (!part) throw new Error('not a JWT');
  const json = decodeURIComponent(escape(atob(part.replace(/-/g, '+').replace(/_/g, '/'))));
  return JSON.parse(json);
}

function signIn(token) {
  const claims = decode(token.trim());
  if (claims.exp && claims.exp * 1000 < Date.now()) throw new Error('expired');
  state.token = token.trim();
  state.claims = claims;
  sessionStorage.setItem('yrd.token', state.token);
}

function signOut() {
  state.token = null;
  state.claims = null;
  sessionStorage.removeItem('yrd.token');
  location.hash = '#/sign-in';
}

const roles = () => state.claims?.groups ?? [];
const province = () => state.claims?.province ?? null;
const has = (role) => roles().includes(role);

// --- API -----------------------------------------------------------------------------------

/** A text resource of a service (the witness policy). */
async function text(base, path) {
  const response = await fetch(base + path, { headers: { Authorization: 'Bearer ' + state.token } });
  if (!response.ok) throw Object.assign(new Error(String(response.status)), { status: response.status });
  return response.text();
}

async function api(base, path, options = {}) {
  const response = await fetch(base + path, {
    ...options,
    headers: { Authorization: 'Bearer ' + state.token, ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...(options.headers || {}) },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) throw Object.assign(new Error(body?.detail || body?.title || response.status), { status: response.status });
  return body;
}
const recognition = (path, options) => api(state.config.recognition, path, options);
const audit = (path, options) => api(state.config.audit, path, options);

// --- pages ---------------------------------------------------------------------------------

function page(html) {
  $('#page').innerHTML = html;
}

function failure(error) {
  page(`<p class="error" role="alert">${esc(error.message)}</p>`);
}

function signInPage() {
  page(`<section class="card narrow"><h2>${t('signIn')}</h2>
    <label for="token">${t('pasteToken')}</label>
    <textarea id="token" rows="6" spellcheck="false"></textarea>
    <p class="error" id="sign-in-error" role="alert"></p>
    <button id="sign-in">${t('signIn')}</button></section>`);
  $('#sign-in').onclick = () => {
    try {
      signIn($('#token').value);
      location.hash = '#/overview';
    } catch (e) {
      $('#sign-in-error').textContent = e.message;
    }
  };
}

async function overviewPage() {
  const [stats, quality, cities, overdue] = await Promise.all([
    recognition('/api/v1/statistics'),
    recognition('/api/v1/data-quality'),
    fetch('data/delta-cities.json').then((r) => r.json()),
    recognition('/api/v1/notifications?overdue=true&limit=50'),
  ]);
  const provinces = ['SH', 'JS', 'ZJ', 'AH'];
  const activeBy = (p, category) => {
    const byStatus = stats.organizations?.[p]?.[category] ?? {};
    return Object.values(byStatus.ACTIVE ?? {}).reduce((a, b) => a + b, 0);
  };
  const q = Object.fromEntries(quality.items.map((x) => [x.province, x]));
  const rows = provinces.map((p) => {
    const lastSeconds = q[p]?.lastEventAt ? Math.round((Date.now() - Date.parse(q[p].lastEventAt)) / 1000) : null;
    const gap = q[p] ? q[p].highestSequence - q[p].contiguousSequence : 0;
    return `<tr data-province="${p}"><th>${t(p)}</th>
      ${['SOCIAL_GROUP', 'SOCIAL_SERVICE_INSTITUTION', 'FOUNDATION'].map((c) => `<td>${activeBy(p, c)}</td>`).join('')}
      <td class="five-a">${stats.valid5A?.[p] ?? 0}</td>
      <td>${lastSeconds === null ? '—' : lastSeconds + ' s'}${gap > 0 ? ` <span class="warn">(${gap} ⟂)</span>` : ''}</td>
      <td>${q[p] ? Math.round(q[p].score * 100) + '%' : '—'}</td></tr>`;
  }).join('');
  page(`<section class="card"><h2>${t('overview')}</h2>
    <p class="consumer-lag">${t('lag')}: <strong>${stats.consumerLag ?? 0}</strong> ${t('unapplied')}</p>
    <table class="grid"><thead><tr><th>${t('province')}</th><th>${t('SOCIAL_GROUP')}</th><th>${t('SOCIAL_SERVICE_INSTITUTION')}</th>
    <th>${t('FOUNDATION')}</th><th>${t('fiveA')}</th><th>${t('lastEvent')}</th><th>${t('quality')}</th></tr></thead><tbody>${rows}</tbody></table></section>
    <section class="card"><h2>${t('overdueNotifications')} <strong id="overdue-count">${overdue.total}</strong></h2>
    <table class="grid" id="overdue"><tbody>${overdue.items.map((n) => `<tr data-id="${n.id}"><td>${t(n.province)}</td><td>${t(n.kind)}</td>
      <td>${esc(n.ruleId ?? '')}</td><td>${n.uscc ? `<a href="#/organizations/${n.uscc}">${n.uscc}</a>` : ''}</td>
      <td>${new Date(n.createdAt).toLocaleString()}</td></tr>`).join('') || `<tr><td>${t('empty')}</td></tr>`}</tbody></table></section>
    <section class="card"><h2>${t('map')}</h2><div id="map"></div></section>`);
  drawMap($('#map'), cities, stats, language());
}

function conflictFilters() {
  return new URLSearchParams(location.hash.split('?')[1] || 'status=OPEN');
}

/** The values of an enumeration as the recognition service's OpenAPI document declares them. */
async function enumOf(schema) {
  state.schemas ??= (await (await fetch(state.config.recognition + '/q/openapi?format=json')).json()).components.schemas;
  return state.schemas[schema]?.enum ?? [];
}

async function conflictsPage() {
  const filters = conflictFilters();
  const [data, types, severities, provinces, statuses] = await Promise.all([
    recognition('/api/v1/conflicts?limit=100&' + filters.toString()),
    ...['ConflictType', 'Severity', 'Province', 'ConflictStatus'].map(enumOf),
  ]);
  const select = (name, values) => `<label>${t(name)} <select name="${name}"><option value="">${t('any')}</option>
    ${values.map((v) => `<option value="${v}" ${filters.get(name) === v ? 'selected' : ''}>${t(v)}</option>`).join('')}</select></label>`;
  page(`<section class="card"><h2>${t('conflicts')} <small class="live ${state.feed?.route === location.hash && state.feed.connected ? 'connected' : ''}">● ${t('live')}</small></h2>
    <form id="filters" class="filters">
      ${select('type', types)}
      ${select('severity', severities)}
      ${select('province', provinces)}
      ${select('status', statuses)}
    </form>
    <table class="grid" id="conflict-list"><thead><tr><th>${t('type')}</th><th>${t('severity')}</th><th>${t('status')}</th>
    <th>${t('province')}</th><th>${t('uscc')}</th><th>${t('opened')}</th></tr></thead><tbody>
    ${data.items.map((c) => `<tr data-id="${c.id}"><td><a href="#/conflicts/${c.id}">${esc(t(c.type))}</a></td>
      <td class="sev-${c.severity}">${t(c.severity)}</td><td>${t(c.status)}</td><td>${c.provinces.join(' · ')}</td>
      <td>${c.usccs.map((u) => `<a href="#/organizations/${u}">${u}</a>`).join('<br>')}</td>
      <td>${new Date(c.openedAt).toLocaleString()}</td></tr>`).join('') || `<tr><td colspan="6">${t('empty')}</td></tr>`}
    </tbody></table></section>`);
  $('#filters').onchange = (e) => {
    const next = new URLSearchParams(new FormData($('#filters')));
    [...next.keys()].forEach((k) => { if (!next.get(k)) next.delete(k); });
    location.hash = '#/conflicts?' + next.toString();
  };
  follow('CONFLICT', conflictsPage);
}

function mayAct(conflict) {
  return has('recognition-officer') && province() && conflict.provinces.includes(province());
}

const FIELDS = ['name', 'status', 'category', 'legalRepresentative.name', 'legalRepresentative.personRef', 'domicile',
  'grade.level', 'grade.expiresOn', 'abnormalListed', 'seriousListed', 'revocation.date', 'deregistrationDate', 'transferredFrom', 'version'];
const pick = (obj, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);

async function conflictPage(id) {
  const c = await recognition('/api/v1/conflicts/' + id);
  const views = await Promise.all(c.usccs.map((u) => recognition('/api/v1/organizations/' + u).catch(() => null)));
  const records = views.filter(Boolean).flatMap((v) => v.records.map((r) => ({ uscc: v.uscc, province: r.province, state: r.state })));
  const rows = FIELDS.map((f) => {
    const values = records.map((r) => JSON.stringify(pick(r.state, f) ?? null));
    const differs = new Set(values).size > 1;
    return `<tr class="${differs ? 'differs' : ''}"><th>${f}</th>${records.map((r, i) => `<td>${esc(values[i] === 'null' ? '—' : JSON.parse(values[i]))}</td>`).join('')}</tr>`;
  }).join('');
  const open = c.status === 'OPEN' || c.status === 'ACKNOWLEDGED';
  const actions = open && mayAct(c)
    ? `<div class="actions"><label for="note">${t('note')}</label><input id="note" maxlength="500">
       ${c.status === 'OPEN' ? `<button data-act="acknowledge">${t('acknowledge')}</button>` : ''}
       <button data-act="resolve">${t('resolve')}</button><button data-act="dismiss" class="secondary">${t('dismiss')}</button>
       <p class="error" id="act-error" role="alert"></p></div>`
    : open ? `<p class="muted" id="not-allowed">${t('notAllowed')}</p>` : '';
  page(`<section class="card"><h2>${esc(c.type)} <span class="sev-${c.severity}">${c.severity}</span> · <span id="conflict-status">${c.status}</span></h2>
    <p class="muted">${esc(c.conditionKey)}</p>
    <h3>${t('records')}</h3>
    <div class="scroll"><table class="grid side-by-side"><thead><tr><th>${t('field')}</th>
    ${records.map((r) => `<th>${t(r.province)}<br><a href="#/organizations/${r.uscc}">${r.uscc}</a></th>`).join('')}</tr></thead>
    <tbody>${rows}</tbody></table></div>
    <pre class="evidence">${esc(JSON.stringify(c.evidence, null, 1))}</pre>${actions}</section>`);
  document.querySelectorAll('[data-act]').forEach((b) => {
    b.onclick = async () => {
      try {
        await recognition(`/api/v1/conflicts/${id}/${b.dataset.act}`, { method: 'POST', body: JSON.stringify({ note: $('#note').value || '—' }) });
        location.hash = '#/conflicts';
      } catch (e) {
        $('#act-error').textContent = e.message;
      }
    };
  });
}

async function organizationPage(uscc) {
  const search = `<form id="search" class="filters"><label>${t('uscc')} <input id="uscc" value="${esc(uscc || '')}" maxlength="18"></label>
    <button>${t('search')}</button></form>`;
  if (!uscc) {
    page(`<section class="card"><h2>${t('organization')}</h2>${search}</section>`);
  } else {
    const [view, events] = await Promise.all([
      recognition('/api/v1/organizations/' + encodeURIComponent(uscc)),
      audit('/api/v1/events?limit=200&uscc=' + encodeURIComponent(uscc))
        .catch((e) => ({ items: [], forbidden: e.status === 403 || e.status === 401 })),
    ]);
    page(`<section class="card"><h2>${t('organization')} ${esc(view.uscc)}</h2>${search}
      <div class="columns">${view.records.map((r) => `<div class="record"><h3>${t(r.province)}</h3>
        <p><strong>${esc(r.state.name)}</strong></p><p>${esc(t(r.state.status))} · v${r.state.version}</p>
        <p class="muted">${esc(r.lastEventType)}</p></div>`).join('') || t('noRecords')}</div>
      <h3>${t('recognitionsOf')}</h3><table class="grid"><tbody>${view.recognitions.map((r) => `<tr><td>${t(r.homeProvince)} → ${t(r.hostProvince)}</td>
        <td>${t(r.scope)}</td><td>${t(r.status)}</td></tr>`).join('') || `<tr><td>${t('empty')}</td></tr>`}</tbody></table>
      <h3>${t('auditTrail')} <button id="verify">${t('verify')}</button> <span id="verify-summary"></span></h3>
      <table class="grid" id="trail"><tbody>${events.items.map((e) => `<tr data-event="${e.eventId}"><td>#${e.leafIndex}</td><td>${esc(e.type)}</td>
        <td>${esc(e.province ?? '')}</td><td>${new Date(e.time).toLocaleString()}</td><td class="result"></td></tr>`).join('')
          || `<tr><td class="${events.forbidden ? 'not-allowed' : ''}">${t(events.forbidden ? 'notAllowed' : 'empty')}</td></tr>`}</tbody></table></section>`);
    $('#verify').onclick = () => verifyTrail(events.items);
  }
  $('#search').onsubmit = (e) => {
    e.preventDefault();
    location.hash = '#/organizations/' + $('#uscc').value.trim().toUpperCase();
  };
}

async function verifyTrail(items) {
  const checkpoint = await audit('/api/v1/checkpoints/latest');
  const policy = parsePolicy(await text(state.config.audit, '/api/v1/witness-policy'));
  let good = 0;
  for (const e of items) {
    const cell = $(`tr[data-event="${e.eventId}"] .result`);
    try {
      const proven = await audit('/api/v1/events/' + e.eventId);
      const r = await verifyEvent(proven, checkpoint.publicKey, policy);
      const witnesses = r.witnessed === null ? '—' : `${r.witnessed.length}/${policy.quorum} ${t('witnesses')}`;
      cell.textContent = r.ok ? `✔ ${t('leaf')} · ${t('root')} · ${r.signed ? t('signature') : '—'} · ${witnesses}` : `✘ ${t('failed')}`;
      cell.className = 'result ' + (r.ok ? 'ok' : 'bad');
      if (r.ok) good++;
    } catch (err) {
      cell.textContent = '✘ ' + err.message;
      cell.className = 'result bad';
    }
  }
  $('#verify-summary').textContent = `${good}/${items.length} ${t('verified')}`;
  $('#verify-summary').dataset.verified = String(good);
}

/** Saves a text resource of a service as a file, with the caller's token. */
async function download(base, path, filename) {
  const blob = new Blob([await text(base, path)], { type: 'text/plain' });
  const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: filename });
  link.click();
  URL.revokeObjectURL(link.href);
}

async function evidencePage() {
  page(`<section class="card"><h2>${t('evidence')}</h2><p class="muted">${t('evidenceHelp')}</p>
    <form id="evidence-form" class="filters">
      <label>${t('evidenceFile')} <input type="file" id="evidence-file"></label>
      <label>${t('policyFile')} <input type="file" id="policy-file"></label>
      <button>${t('check')}</button> <a href="#" id="policy-download">${t('downloadPolicy')}</a></form>
    <div id="evidence-result"></div></section>`);
  $('#policy-download').onclick = (e) => {
    e.preventDefault();
    download(state.config.audit, '/api/v1/witness-policy', 'witness-policy.txt').catch(failure);
  };
  $('#evidence-form').onsubmit = async (e) => {
    e.preventDefault();
    const [file, policy] = [$('#evidence-file').files[0], $('#policy-file').files[0]];
    if (!file || !policy) return;
    let verdict;
    try {
      verdict = await verifyEvidence(new Uint8Array(await file.arrayBuffer()), await policy.text());
    } catch (err) {
      verdict = { failures: [err.message] };
    }
    const s = verdict.summary;
    $('#evidence-result').innerHTML = verdict.failures.length
      ? `<p id="evidence-verdict" class="result bad" data-ok="false">✘ ${t('failed')}</p>
         <ul id="evidence-failures">${verdict.failures.map((f) => `<li>${esc(f)}</li>`).join('')}</ul>`
      : `<p id="evidence-verdict" class="result ok" data-ok="true">✔ ${esc(s.uscc)} · ${esc(s.status)} · ${t('checkpointOf')} ${s.treeSize} ·
           ${s.cosignedBy.length} ${t('witnesses')}: ${s.cosignedBy.map(esc).join(', ')}</p>
         <table class="grid" id="evidence-events"><tbody>${s.events.map((ev) => `<tr><td>#${ev.index}</td><td>${esc(ev.type)}</td>
           <td>${esc(ev.time)}</td><td class="muted">${esc(ev.eventId)}</td></tr>`).join('')}</tbody></table>`;
  };
}

async function recognitionsPage() {
  const data = await recognition('/api/v1/recognitions?limit=100');
  const mayDecide = (r) => r.status === 'PENDING_REVIEW' && has('recognition-officer') && province() === r.hostProvince;
  page(`<section class="card"><h2>${t('recognitions')}</h2><table class="grid" id="recognition-list"><thead><tr>
    <th>${t('uscc')}</th><th>${t('home')}</th><th>${t('host')}</th><th>${t('scope')}</th><th>${t('status')}</th><th></th></tr></thead><tbody>
    ${data.items.map((r) => `<tr data-id="${r.id}"><td><a href="#/organizations/${r.uscc}">${r.uscc}</a></td><td>${t(r.homeProvince)}</td>
      <td>${t(r.hostProvince)}</td><td>${t(r.scope)}</td><td>${t(r.status)}</td><td><button class="link" data-evidence="${r.id}">${t('evidence')}</button> ${mayDecide(r)
        ? `<input class="decision-note" placeholder="${t('note')}" maxlength="500"><button data-decide="GRANTED">${t('grant')}</button>
           <button data-decide="REJECTED" class="secondary">${t('reject')}</button>` : ''}</td></tr>`).join('') || `<tr><td colspan="6">${t('empty')}</td></tr>`}
    </tbody></table></section>`);
  document.querySelectorAll('[data-evidence]').forEach((b) => {
    b.onclick = () => download(state.config.audit, `/api/v1/recognitions/${b.dataset.evidence}/evidence`,
      `recognition-${b.dataset.evidence}.evidence`).catch(failure);
  });
  document.querySelectorAll('[data-decide]').forEach((b) => {
    b.onclick = async () => {
      const row = b.closest('tr');
      await recognition(`/api/v1/recognitions/${row.dataset.id}/decision`, {
        method: 'POST', body: JSON.stringify({ decision: b.dataset.decide, note: $('.decision-note', row).value || '—' }) });
      recognitionsPage();
    };
  });
}

// --- shell ---------------------------------------------------------------------------------

/**
 * Keeps a page live: follows recognition's change feed as Server-Sent Events (fetch, so that the
 * token goes in a header) and renders the page again when an entry of its kind arrives, at most
 * twice a second. A dropped stream reconnects after 2 s with Last-Event-ID, missing nothing.
 */
function follow(kind, render) {
  const route = location.hash;
  if (state.feed?.route === route) return;
  state.feed?.controller.abort();
  const controller = new AbortController();
  state.feed = { route, controller };
  let last = null;
  let pending = null;
  const changed = () => {
    pending ??= setTimeout(() => {
      pending = null;
      if (location.hash === route) render().catch(failure);
    }, 500);
  };
  (async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${state.config.recognition}/api/v1/feed?kind=${kind}`, {
          signal: controller.signal,
          headers: { Authorization: 'Bearer ' + state.token, Accept: 'text/event-stream', ...(last ? { 'Last-Event-ID': last } : {}) },
        });
        if (!response.ok) throw new Error(String(response.status));
        state.feed.connected = true;
        document.querySelector('.live')?.classList.add('connected');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const event = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            last = /^id: (.*)$/m.exec(event)?.[1] ?? last;
            if (/^event: (.*)$/m.exec(event)?.[1] === kind) changed();
          }
        }
      } catch (e) {
        if (controller.signal.aborted) return;
      }
      state.feed.connected = false;
      document.querySelector('.live')?.classList.remove('connected');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  })();
}

function shell() {
  document.title = t('title');
  $('#app-title').textContent = t('title');
  $('#nav').innerHTML = state.token
    ? [['overview', '#/overview'], ['conflicts', '#/conflicts'], ['organization', '#/organizations/'], ['recognitions', '#/recognitions'], ['evidence', '#/evidence']]
      .map(([k, href]) => `<a href="${href}" data-nav="${k}">${t(k)}</a>`).join('')
    : '';
  $('#who').innerHTML = state.token
    ? `${t('signedInAs')} <strong>${esc(state.claims.upn || state.claims.sub)}</strong> · ${province() ? t(province()) : t('regionWide')} · ${roles().map(esc).join(', ')}
       <button id="sign-out" class="link">${t('signOut')}</button>`
    : '';
  if (state.token) $('#sign-out').onclick = signOut;
  $('#lang').textContent = language() === 'zh' ? 'English' : '中文';
}

async function route() {
  if (state.feed && state.feed.route !== location.hash) {
    state.feed.controller.abort();
    state.feed = null;
  }
  shell();
  const hash = location.hash || '#/overview';
  if (!state.token) return signInPage();
  const [path] = hash.slice(2).split('?');
  const [name, arg] = path.split('/');
  try {
    if (name === 'conflicts' && arg) await conflictPage(arg);
    else if (name === 'conflicts') await conflictsPage();
    else if (name === 'organizations') await organizationPage(arg);
    else if (name === 'recognitions') await recognitionsPage();
    else if (name === 'evidence') await evidencePage();
    else if (name === 'sign-in') signInPage();
    else await overviewPage();
  } catch (e) {
    if (e.status === 401) return signOut();
    failure(e);
  }
}

$('#lang').onclick = () => { setLanguage(language() === 'zh' ? 'en' : 'zh'); route(); };
window.addEventListener('hashchange', route);
await loadConfig();
setLanguage(language());
const saved = sessionStorage.getItem('yrd.token');
if (saved) { try { signIn(saved); } catch { sessionStorage.removeItem('yrd.token'); } }
route();
