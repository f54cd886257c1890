// A record view: look a person up by personal ID and see the sections, quality issues, provenance and
// history. Each view is read from the citizen API for the purpose operator-console and audited there, so
// it is read once when opened (and again only when asked), never polled.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Badge, Card, Loading, Message } from '../components/parts.js';
import { count, when } from '../format.js';
import { html } from '../html.js';

const PERSONAL_ID = /^\d{12}$/;

function Field({ label, children }) {
  return html`<div class="field"><dt>${label}</dt><dd>${children ?? html`<span class="muted">–</span>`}</dd></div>`;
}

function Empty({ children }) {
  return html`<p class="muted">${children}</p>`;
}

function Address({ address }) {
  if (!address) return null;
  return html`${address.line}${address.communeCode ? html` <span class="muted">(commune ${address.communeCode}, province ${address.provinceCode})</span>` : null}`;
}

function Identity({ identity, status }) {
  if (!identity && !status) return html`<${Empty}>The civil registry has not spoken of this person.<//>`;
  return html`
    <dl class="fields">
      <${Field} label="Full name">${identity?.fullName}<//>
      <${Field} label="Date of birth">${identity?.dateOfBirth}<//>
      <${Field} label="Sex">${identity?.sex}<//>
      <${Field} label="Nationality">${identity?.nationality}<//>
      <${Field} label="Ethnicity">${identity?.ethnicity}<//>
      <${Field} label="Life status">${status ? html`<${Badge} tone=${status.lifeStatus === 'alive' ? 'ok' : 'plain'}>${status.lifeStatus}<//>` : null}${status?.dateOfDeath ? ` (died ${status.dateOfDeath})` : ''}<//>
    </dl>
  `;
}

function Residence({ residence }) {
  const kinds = [['permanent', 'Permanent'], ['temporary', 'Temporary']].filter(([kind]) => residence?.[kind]);
  if (kinds.length === 0) return html`<${Empty}>No residence registered.<//>`;
  return html`
    <dl class="fields fields-single">
      ${kinds.map(([kind, label]) => html`
        <${Field} label=${`${label} residence`}>
          <${Address} address=${residence[kind].address} />
          <div class="muted small">household ${residence[kind].householdId ?? '–'} · ${residence[kind].relationToHead ?? '–'} · since ${residence[kind].since ?? '–'}</div>
        <//>`)}
    </dl>
  `;
}

function Table({ caption, columns, rows, empty }) {
  if (!rows || rows.length === 0) return html`<${Empty}>${empty}<//>`;
  return html`
    <div class="table-wrap">
      <table class="data compact">
        <caption class="sr-only">${caption}</caption>
        <thead><tr>${columns.map(([label]) => html`<th scope="col">${label}</th>`)}</tr></thead>
        <tbody>${rows.map((row) => html`<tr>${columns.map(([, cell]) => html`<td>${cell(row) ?? '–'}</td>`)}</tr>`)}</tbody>
      </table>
    </div>
  `;
}

function History({ personalId }) {
  const [state, setState] = useState({ items: [], cursor: null, loading: true, error: null });
  const load = async (cursor) => {
    setState((previous) => ({ ...previous, loading: true }));
    try {
      const query = new URLSearchParams({ limit: '20', ...(cursor ? { cursor } : {}) });
      const page = await api.get(`/v1/console/records/${personalId}/history?${query}`);
      setState((previous) => ({ items: cursor ? [...previous.items, ...page.items] : page.items, cursor: page.nextCursor, loading: false, error: null }));
    } catch (error) {
      setState((previous) => ({ ...previous, loading: false, error }));
    }
  };
  useEffect(() => {
    void load(null);
  }, [personalId]);
  return html`
    ${state.error ? html`<${Message} tone="bad">${state.error.message}<//>` : null}
    <${Table} caption="The events that concerned this person, newest first" empty=${state.loading ? 'Loading…' : 'No history.'} rows=${state.items}
      columns=${[
        ['Time', (item) => when(item.time)],
        ['Type', (item) => html`<code>${item.type}</code>`],
        ['Source', (item) => html`<code>${item.source}</code>`],
        ['Event', (item) => html`<code>${item.eventId}</code>`],
        ['Received', (item) => when(item.receivedAt)],
        ['Outcome', (item) => html`<${Badge} tone=${item.outcome === 'applied' ? 'ok' : 'plain'}>${item.outcome}<//>`],
      ]} />
    ${state.cursor && !state.loading ? html`<button class="button button-small" onClick=${() => load(state.cursor)}>Older events</button>` : null}
  `;
}

function RecordView({ personalId, reload }) {
  const [state, setState] = useState({ record: null, error: null, loading: true });
  useEffect(() => {
    let live = true;
    setState({ record: null, error: null, loading: true });
    api.get(`/v1/console/records/${personalId}`).then(
      (record) => live && setState({ record, error: null, loading: false }),
      (error) => live && setState({ record: null, error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [personalId, reload]);
  if (state.loading) return html`<${Loading} what="Reading the record" />`;
  if (state.error) {
    const tone = state.error.status === 404 ? 'info' : 'bad';
    return html`<${Message} tone=${tone}>${state.error.status === 404 ? `The hub holds no record for ${personalId}.` : state.error.message}<//>`;
  }
  const record = state.record;
  const issues = record.quality?.issues ?? [];
  const provenance = Object.entries(record.provenance ?? {});
  return html`
    <div class="record" data-testid="record-view">
      <div class="record-head card">
        <div>
          <div class="muted small">Personal ID</div>
          <div class="record-id mono" data-testid="record-id">${record.personalId}</div>
        </div>
        <div class="record-name">${record.identity?.fullName ?? html`<span class="muted">no civil record</span>`}</div>
        <div class="record-meta">
          <div><span class="muted">version</span> <strong>${count(record.version)}</strong></div>
          <div><span class="muted">updated</span> ${when(record.updatedAt)}</div>
        </div>
        <div class="record-issues">${issues.length === 0 ? html`<${Badge} tone="ok">no quality issue<//>` : issues.map((issue) => html`<${Badge} tone="bad">${issue.code}<//> `)}</div>
      </div>
      <div class="grid-2">
        <${Card} title="Identity and status" id="identity-title"><${Identity} identity=${record.identity} status=${record.status} /><//>
        <${Card} title="Residence" id="residence-title"><${Residence} residence=${record.residence} /><//>
      </div>
      <${Card} title="Land rights" id="land-title">
        <${Table} caption="Land-use rights in force" empty="No land rights in force." rows=${record.landRights}
          columns=${[['Certificate', (r) => html`<code>${r.certificateNo}</code>`], ['Parcel', (r) => r.parcel && `commune ${r.parcel.communeCode}, sheet ${r.parcel.mapSheet}, parcel ${r.parcel.parcelNo}`], ['Area m²', (r) => r.areaM2], ['Use', (r) => r.landUse], ['Granted', (r) => r.grantedOn]]} />
      <//>
      <${Card} title="Enterprise roles" id="roles-title">
        <${Table} caption="Roles in enterprises in force" empty="No roles in enterprises." rows=${record.enterpriseRoles}
          columns=${[['Enterprise', (r) => html`${r.enterpriseName} <span class="muted mono">${r.enterpriseCode}</span>`], ['Role', (r) => r.role], ['Since', (r) => r.since], ['Enterprise status', (r) => r.enterpriseStatus && html`<${Badge} tone=${r.enterpriseStatus === 'active' ? 'ok' : 'warn'}>${r.enterpriseStatus}<//>`]]} />
      <//>
      <${Card} title="Judicial record" id="judicial-title">
        <h3>Convictions</h3>
        <${Table} caption="Convictions" empty="No convictions." rows=${record.judicial?.convictions}
          columns=${[['Judgment', (r) => html`<code>${r.judgmentNo}</code>`], ['Court', (r) => r.court], ['Date', (r) => r.judgmentDate], ['Offence', (r) => r.offence], ['Sentence', (r) => r.sentence], ['Expunged', (r) => (r.expunged ? `yes, ${r.expungedOn}` : 'no')]]} />
        <h3>Bans</h3>
        <${Table} caption="Bans" empty="No bans." rows=${record.judicial?.bans}
          columns=${[['Judgment', (r) => html`<code>${r.judgmentNo}</code>`], ['Ban', (r) => r.ban], ['From', (r) => r.from], ['Until', (r) => r.until]]} />
      <//>
      <${Card} title="Quality issues" id="quality-title">
        <${Table} caption="Quality issues of this record" empty="None: the record is clean." rows=${issues}
          columns=${[['Code', (r) => html`<code>${r.code}</code>`], ['Detail', (r) => r.detail], ['Sources', (r) => (r.sources ?? []).join(', ')], ['Since', (r) => when(r.since)]]} />
      <//>
      <${Card} title="Provenance" id="provenance-title">
        <${Table} caption="Where each section came from" empty="No provenance." rows=${provenance}
          columns=${[['Section', ([section]) => section], ['Source', ([, p]) => html`<code>${p.source}</code>`], ['Event', ([, p]) => html`<code>${p.eventId}</code>`], ['Time', ([, p]) => when(p.time)]]} />
      <//>
      <${Card} title="History" id="history-title"><${History} personalId=${personalId} /><//>
    </div>
  `;
}

export function RecordPage({ personalId }) {
  const [typed, setTyped] = useState(personalId ?? '');
  const [problem, setProblem] = useState('');
  const [reload, setReload] = useState(0);
  useEffect(() => setTyped(personalId ?? ''), [personalId]);
  const open = (event) => {
    event.preventDefault();
    const id = typed.trim();
    if (!PERSONAL_ID.test(id)) {
      setProblem('A personal ID is 12 digits.');
      return;
    }
    setProblem('');
    if (id === personalId) setReload((n) => n + 1);
    else window.location.hash = `#/records/${id}`;
  };
  return html`
    <div class="page-head">
      <div><h1>Record view</h1><p class="muted">The once-only record of one person, as the purpose <code>operator-console</code> shows it. Every view is written to the audit log.</p></div>
    </div>
    <form class="lookup card" onSubmit=${open} role="search" aria-label="Look up a record">
      <label for="personal-id">Personal ID</label>
      <div class="lookup-row">
        <input id="personal-id" type="search" inputmode="numeric" autocomplete="off" placeholder="12 digits, e.g. 001203012345" value=${typed} onInput=${(event) => setTyped(event.currentTarget.value)} aria-describedby="lookup-error" />
        <button type="submit" class="button button-primary">Open</button>
      </div>
      <p id="lookup-error" class="form-error" role="alert">${problem}</p>
    </form>
    ${personalId ? html`<${RecordView} personalId=${personalId} reload=${reload} />` : null}
  `;
}
