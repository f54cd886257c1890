// Overview: the hub at work now — each registry's input, the consolidator's rate and lag (per partition),
// the record generation and a running replay's progress — with the trends of the last hour.
import { html } from '../html.js';
import { Chart } from '../components/chart.js';
import { Badge, Bar, Card, Kpi, Loading, Message, REGISTRY_COLOURS, REGISTRY_NAMES, RegistryName } from '../components/parts.js';
import { age, count, rate, share, sum, when } from '../format.js';

const REGISTRIES = ['household', 'land', 'enterprise', 'judicial'];

function Rejected({ rejected }) {
  const entries = Object.entries(rejected ?? {}).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return html`<span class="muted">none</span>`;
  return html`<ul class="chips">${entries.map(([reason, n]) => html`<li><code>${reason}</code> ${count(n)}</li>`)}</ul>`;
}

function RegistryTable({ registries }) {
  return html`
    <div class="table-wrap">
      <table class="data" data-testid="registry-table">
        <caption class="sr-only">Each registry's input: events in its topic, accepted, rejected by reason, dead-lettered, the newest event's age and the consolidator's lag</caption>
        <thead><tr>
          <th scope="col">Registry</th><th scope="col" class="num">In log</th><th scope="col" class="num">Accepted</th><th scope="col" class="num">Accepted/s</th>
          <th scope="col">Rejected requests</th><th scope="col" class="num">Dead letters</th><th scope="col" class="num">Last event</th><th scope="col" class="num">Lag</th>
        </tr></thead>
        <tbody>
          ${registries.map((entry) => html`
            <tr data-registry=${entry.registry}>
              <th scope="row"><${RegistryName} registry=${entry.registry} /></th>
              <td class="num">${count(entry.eventsInLog)}</td>
              <td class="num" data-testid=${`accepted-${entry.registry}`}>${count(entry.accepted)}</td>
              <td class="num">${rate(entry.acceptedPerSecond)}</td>
              <td><${Rejected} rejected=${entry.rejected} /></td>
              <td class="num">${entry.deadLettered > 0 ? html`<a href="#/dead-letters">${count(entry.deadLettered)}</a>` : '0'}</td>
              <td class="num">${entry.newestEventAgeSeconds === null ? html`<span class="muted">never</span>` : `${age(entry.newestEventAgeSeconds)} ago`}</td>
              <td class="num">${entry.lag > 0 ? html`<${Badge} tone="warn">${count(entry.lag)}<//>` : '0'}</td>
            </tr>`)}
        </tbody>
      </table>
    </div>
  `;
}

function PartitionTable({ partitions }) {
  if (partitions.length === 0) return html`<p class="empty">The registry topics have no partitions yet.</p>`;
  const most = Math.max(1, ...partitions.map((entry) => entry.lag));
  return html`
    <div class="table-wrap scroll-y">
      <table class="data compact">
        <caption class="sr-only">The consolidator group's lag on every partition of the registry topics</caption>
        <thead><tr><th scope="col">Registry</th><th scope="col" class="num">Partition</th><th scope="col" class="num">Committed</th><th scope="col" class="num">End</th><th scope="col" class="num">Lag</th><th scope="col" class="bar-col"><span class="sr-only">Lag, drawn</span></th></tr></thead>
        <tbody>
          ${partitions.map((entry) => html`
            <tr>
              <td><${RegistryName} registry=${entry.registry} /></td>
              <td class="num">${entry.partition}</td>
              <td class="num">${entry.committed ?? html`<span class="muted">none</span>`}</td>
              <td class="num">${entry.end}</td>
              <td class="num">${count(entry.lag)}</td>
              <td class="bar-col"><${Bar} value=${entry.lag / most} tone=${entry.lag > 0 ? 'warn' : 'brand'} label=${`lag ${entry.lag}`} /></td>
            </tr>`)}
        </tbody>
      </table>
    </div>
  `;
}

function ReplayPanel({ replay, generation }) {
  if (!replay) {
    return html`<p data-testid="replay-state">No replay running. Readers use generation <strong>${generation}</strong>.</p>`;
  }
  const progress = replay.progress;
  const done = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return html`
    <div data-testid="replay-state">
      <p>Building generation <strong>${replay.generation}</strong> to replace <strong>${replay.replaces}</strong>${replay.registry ? html` (registry ${replay.registry} only)` : null}, started ${when(replay.startedAt)} on ${replay.host}.</p>
      <p><${Badge} tone="info">${replay.phase}<//></p>
      ${progress
        ? html`
          <progress class="progress" max="1" value=${done} aria-label="Replay progress">${share(done)}</progress>
          <p class="muted">${count(progress.done)} of ${count(progress.total)} events · ${rate(progress.eventsPerSecond)} events/s · ${progress.etaSeconds === null ? 'no estimate yet' : `about ${age(progress.etaSeconds)} left`}</p>`
        : null}
    </div>
  `;
}

export function OverviewPage({ overview, series }) {
  if (overview.error && !overview.data) return html`<${Message} tone="bad">${overview.error.message}<//>`;
  if (!overview.data) return html`<${Loading} what="Reading the figures" />`;
  const data = overview.data;
  const trend = series.data;
  const registries = [...data.registries].sort((a, b) => REGISTRIES.indexOf(a.registry) - REGISTRIES.indexOf(b.registry));
  const deadLetters = sum(registries.map((entry) => entry.deadLettered));
  const consolidators = (data.instances ?? []).filter((instance) => instance.role === 'consolidator');
  const readers = (data.instances ?? []).filter((instance) => instance.role !== 'consolidator');
  return html`
    <div class="page-head">
      <div><h1>Overview</h1><p class="muted">The hub at work: registries in, the consolidator folding them into the record.</p></div>
    </div>
    <div class="kpis">
      <${Kpi} label="Records" value=${count(data.records)} note=${`generation ${data.generation}`} testId="kpi-records" />
      <${Kpi} label="Consolidator" value=${`${rate(data.consolidator.appliedPerSecond)}/s`} note="events applied per second" testId="kpi-rate" />
      <${Kpi} label="Lag" value=${count(data.consolidator.lagTotal)} note="events not yet in the record" tone=${data.consolidator.lagTotal > 0 ? 'warn' : 'ok'} testId="kpi-lag" />
      <${Kpi} label="Dead letters" value=${count(deadLetters)} note=${html`<a href="#/dead-letters">review and re-drive</a>`} tone=${deadLetters > 0 ? 'bad' : 'ok'} testId="kpi-dead-letters" />
    </div>
    <${Card} title="Registries" id="registries-title"><${RegistryTable} registries=${registries} /><//>
    <div class="grid-2">
      <${Card} title="Events accepted per second" id="accepted-chart-title">
        <${Chart} time=${trend?.time} height=${220} format=${rate}
          series=${REGISTRIES.map((registry) => ({ label: REGISTRY_NAMES[registry], color: REGISTRY_COLOURS[registry], values: trend?.registries[registry].acceptedPerSecond ?? [] }))} />
      <//>
      <${Card} title="Consolidator: events applied per second" id="consolidator-chart-title">
        <${Chart} time=${trend?.time} height=${220} format=${rate}
          series=${[{ label: 'applied/s', color: '#1d4ed8', values: trend?.consolidator.appliedPerSecond ?? [] }]} />
      <//>
    </div>
    <div class="grid-2">
      <${Card} title="Lag per partition" id="partitions-title" actions=${html`<span class="muted small">group <code>${data.consolidator.groupId}</code></span>`}>
        <${PartitionTable} partitions=${data.consolidator.partitions} />
      <//>
      <${Card} title="Lag over time" id="lag-chart-title">
        <${Chart} time=${trend?.time} height=${220} format=${count} integer
          series=${REGISTRIES.map((registry) => ({ label: REGISTRY_NAMES[registry], color: REGISTRY_COLOURS[registry], values: trend?.registries[registry].lag ?? [] }))} />
      <//>
    </div>
    <div class="grid-2">
      <${Card} title="Generation and replay" id="replay-title"><${ReplayPanel} replay=${data.replay} generation=${data.generation} /><//>
      <${Card} title="Instances" id="instances-title">
        ${(data.instances ?? []).length === 0
          ? html`<p class="muted">No instance has reported in the last 10 s.</p>`
          : html`<ul class="instances">
              ${[...consolidators, ...readers].map((instance) => html`
                <li><${Badge} tone=${instance.role === 'consolidator' ? 'info' : 'plain'}>${instance.role}<//> <code class="small">${instance.id.split(':').slice(1).join(':')}</code>
                  <span class="muted small"> generation ${instance.generation}${instance.pausedFor ? `, paused for ${instance.pausedFor}` : ''}</span></li>`)}
            </ul>`}
      <//>
    </div>
  `;
}
