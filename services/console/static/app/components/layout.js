// The frame of every view: the top bar (brand, sections, who is logged in, how fresh the figures are) and
// the main landmark.
import { api } from '../api.js';
import { html } from '../html.js';
import { age } from '../format.js';

export const SECTIONS = [
  { path: 'overview', label: 'Overview' },
  { path: 'quality', label: 'Data quality' },
  { path: 'dead-letters', label: 'Dead letters' },
  { path: 'records', label: 'Records' },
];

async function logOut() {
  try {
    await api.delete('/v1/session');
  } finally {
    window.location.assign('/login');
  }
}

function Freshness({ overview, now }) {
  if (overview.error) return html`<span class="live live-bad" role="status">figures unavailable</span>`;
  if (!overview.data) return html`<span class="live">connecting…</span>`;
  const seconds = Math.max(0, (now - Date.parse(overview.data.sampledAt)) / 1000);
  const stale = seconds * 1000 > overview.data.sampleIntervalMs * 3 + 2000;
  const label = `${stale ? 'stale · ' : ''}sampled ${age(seconds)} ago`;
  return html`<span class=${`live ${stale ? 'live-stale' : 'live-ok'}`} title=${`figures ${label} (${overview.data.sampledAt})`}><span class="live-text">${label}</span></span>`;
}

export function Layout({ section, session, overview, now, children }) {
  return html`
    <a class="skip" href="#main">Skip to content</a>
    <header class="topbar">
      <div class="topbar-inner">
        <a class="brand" href="#/overview"><img src="/assets/public/favicon.svg" alt="" width="28" height="28" /><span>LGSP Hub</span><span class="brand-sub">Operator console</span></a>
        <nav aria-label="Console sections">
          <ul>
            ${SECTIONS.map((item) => html`<li><a href=${`#/${item.path}`} aria-current=${section === item.path ? 'page' : undefined}>${item.label}</a></li>`)}
          </ul>
        </nav>
        <div class="session">
          <${Freshness} overview=${overview} now=${now} />
          <span class="operator" data-testid="operator">${session?.operator ?? ''}</span>
          <button class="button button-small button-on-dark" onClick=${logOut}>Log out</button>
        </div>
      </div>
    </header>
    <main id="main" class="page" tabindex="-1">${children}</main>
  `;
}
