// Data quality (record.md §3): the four figures — correct, complete, clean, live — with their trends, the
// share of records holding each section, and the records behind each quality issue code.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.js';
import { Chart } from '../components/chart.js';
import { Bar, Card, Loading, Message } from '../components/parts.js';
import { html } from '../html.js';
import { age, count, plural, share } from '../format.js';

const SECTIONS = [
  ['identity', 'Identity'], ['status', 'Life status'], ['residence', 'Residence'],
  ['landRights', 'Land rights'], ['enterpriseRoles', 'Enterprise roles'], ['judicial', 'Judicial record'],
];

// A share's trend, drawn a few points around where it moves: a flat 0–100 % scale hides every change.
const shareRange = (_plot, low, high) => [Math.max(0, (low ?? 0) - 0.05), Math.min(1, (high ?? 1) + 0.05)];

const ISSUES = {
  ID_BIRTH_MISMATCH: 'The personal ID disagrees with the date of birth or sex',
  ACTIVITY_AFTER_DEATH: 'A land grant or enterprise role dated after the date of death',
  ROLE_WHILE_BANNED: 'Owner or legal representative while banned from managing enterprises',
  NO_CIVIL_RECORD: 'Data from another registry, but no identity from the civil registry',
};

function FigureCard({ name, term, value, detail, definition, time, values, format, colour, testId, range }) {
  return html`
    <section class="card figure" aria-labelledby=${`${testId}-title`} data-testid=${testId}>
      <div class="figure-head">
        <h2 id=${`${testId}-title`}>${name} <span class="term" lang="vi">${term}</span></h2>
      </div>
      <div class="figure-value">${value}</div>
      <div class="figure-detail">${detail}</div>
      <${Chart} compact time=${time} height=${56} format=${format} range=${range} series=${[{ label: name, color: colour, values: values ?? [] }]} />
      <p class="figure-definition">${definition}</p>
    </section>
  `;
}

function IssueRecords({ code }) {
  const [pages, setPages] = useState({ ids: [], cursor: undefined, done: false, loading: false, error: undefined });
  const load = async () => {
    setPages((state) => ({ ...state, loading: true }));
    try {
      const query = new URLSearchParams({ limit: '50', ...(pages.cursor ? { cursor: pages.cursor } : {}) });
      const page = await api.get(`/v1/console/quality/issues/${code}/records?${query}`);
      setPages((state) => ({ ids: [...new Set([...state.ids, ...page.personalIds])], cursor: page.nextCursor ?? undefined, done: page.nextCursor === null, loading: false, error: undefined }));
    } catch (error) {
      setPages((state) => ({ ...state, loading: false, error }));
    }
  };
  useEffect(() => {
    void load();
  }, [code]);
  return html`
    <div class="issue-records" data-testid=${`issue-records-${code}`}>
      ${pages.error ? html`<${Message} tone="bad">${pages.error.message}<//>` : null}
      ${pages.ids.length === 0 && pages.done ? html`<p class="muted">No record carries this issue now.</p>` : null}
      <ul class="id-list">${pages.ids.map((id) => html`<li><a href=${`#/records/${id}`} class="mono">${id}</a></li>`)}</ul>
      ${pages.loading ? html`<${Loading} />` : null}
      ${!pages.done && pages.ids.length > 0 && !pages.loading ? html`<button class="button button-small" onClick=${load}>Load more</button>` : null}
    </div>
  `;
}

function IssueTable({ records, byCode }) {
  const [open, setOpen] = useState(null);
  return html`
    <div class="table-wrap">
      <table class="data" data-testid="issue-table">
        <caption class="sr-only">Records with each quality issue code</caption>
        <thead><tr><th scope="col">Issue</th><th scope="col">When</th><th scope="col" class="num">Records</th><th scope="col" class="num">Share</th><th scope="col"><span class="sr-only">Records behind it</span></th></tr></thead>
        <tbody>
          ${Object.entries(ISSUES).map(([code, meaning]) => html`
            <tr>
              <th scope="row"><code>${code}</code></th>
              <td>${meaning}</td>
              <td class="num">${count(byCode[code])}</td>
              <td class="num">${share(records > 0 ? byCode[code] / records : null)}</td>
              <td class="actions">
                <button class="button button-small" aria-expanded=${open === code} aria-controls=${`issue-${code}`} disabled=${byCode[code] === 0 && open !== code}
                  onClick=${() => setOpen(open === code ? null : code)}>${open === code ? 'Hide records' : 'Show records'}</button>
              </td>
            </tr>
            ${open === code ? html`<tr id=${`issue-${code}`} class="expanded"><td colspan="5"><${IssueRecords} code=${code} /></td></tr>` : null}`)}
        </tbody>
      </table>
    </div>
  `;
}

export function QualityPage({ overview, series }) {
  if (overview.error && !overview.data) return html`<${Message} tone="bad">${overview.error.message}<//>`;
  if (!overview.data) return html`<${Loading} what="Reading the figures" />`;
  const data = overview.data;
  const { correct, complete, clean, live } = data.headline;
  const trend = series.data;
  return html`
    <div class="page-head">
      <div><h1>Data quality</h1><p class="muted">Correct, complete, clean and live (<span lang="vi">đúng, đủ, sạch, sống</span>): ${count(data.records)} records in generation ${data.generation}.</p></div>
    </div>
    <div class="figures">
      <${FigureCard} name="Correct" term="đúng" testId="figure-correct" range=${shareRange} value=${share(correct.share)} colour="#16a34a" format=${share}
        detail=${`${plural(correct.accepted, 'event')} accepted · ${plural(correct.rejected, 'request')} rejected · ${plural(correct.deadLettered, 'dead letter')}`}
        definition="Accepted events as a share of everything that reached the hub (accepted, rejected or dead-lettered)."
        time=${trend?.time} values=${trend?.headline.correct} />
      <${FigureCard} name="Complete" term="đủ" testId="figure-complete" range=${shareRange} value=${share(complete.share)} colour="#2563eb" format=${share}
        detail=${`identity ${share(data.complete.identity.share)} · status ${share(data.complete.status.share)} · residence ${share(data.complete.residence.share)}`}
        definition="The mean share of records holding the sections every person has: identity, life status and residence."
        time=${trend?.time} values=${trend?.headline.complete} />
      <${FigureCard} name="Clean" term="sạch" testId="figure-clean" range=${shareRange} value=${share(clean.share)} colour="#7c3aed" format=${share}
        detail=${`${count(clean.recordsWithIssues)} of ${plural(clean.records, 'record')} ${clean.recordsWithIssues === 1 ? 'carries' : 'carry'} a quality issue`}
        definition="The share of records without any quality issue."
        time=${trend?.time} values=${trend?.headline.clean} />
      <${FigureCard} name="Live" term="sống" testId="figure-live" value=${`${count(live.lagTotal)} behind`} colour="#d97706" format=${count}
        detail=${live.newestEventAgeSeconds === null ? 'no event accepted yet' : `last event accepted ${age(live.newestEventAgeSeconds)} ago`}
        definition="Events in the registry topics not yet in the record (the consolidator's lag)."
        time=${trend?.time} values=${trend?.headline.lagTotal} />
    </div>
    <div class="grid-2">
      <${Card} title="Complete: records with each section" id="sections-title">
        <table class="data bars" data-testid="section-table">
          <caption class="sr-only">The share of records holding each section</caption>
          <thead><tr><th scope="col">Section</th><th scope="col" class="num">Records</th><th scope="col" class="num">Share</th><th scope="col" class="bar-col"><span class="sr-only">Share, drawn</span></th></tr></thead>
          <tbody>
            ${SECTIONS.map(([section, label]) => html`
              <tr><th scope="row">${label}</th><td class="num">${count(data.complete[section].records)}</td><td class="num">${share(data.complete[section].share)}</td>
                <td class="bar-col"><${Bar} value=${data.complete[section].share} label=${`${label} ${share(data.complete[section].share)}`} /></td></tr>`)}
          </tbody>
        </table>
      <//>
      <${Card} title="Clean: records with issues over time" id="issues-chart-title">
        <${Chart} time=${trend?.time} height=${230} format=${count} integer
          series=${Object.keys(ISSUES).map((code, index) => ({ label: code, color: ['#dc2626', '#7c3aed', '#d97706', '#0891b2'][index], values: trend?.quality.byCode[code] ?? [] }))} />
      <//>
    </div>
    <${Card} title="Clean: the records behind each issue" id="issue-table-title">
      <${IssueTable} records=${data.records} byCode=${data.clean.byCode} />
      <p class="muted small">Opening a record reads it for the purpose <code>operator-console</code>; the read is written to the audit log.</p>
    <//>
  `;
}
