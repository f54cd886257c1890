// Dead letters: what the hub could not use, with the reason, stage, source and time; each can be sent back
// through its registry's adapter (re-driven), and is then marked so it is never sent twice.
import { useState } from 'preact/hooks';
import { api } from '../api.js';
import { Chart } from '../components/chart.js';
import { Badge, Card, Loading, Message, REGISTRY_COLOURS, REGISTRY_NAMES, RegistryName } from '../components/parts.js';
import { count, when } from '../format.js';
import { html } from '../html.js';
import { usePoll } from '../hooks.js';

const REGISTRIES = ['household', 'land', 'enterprise', 'judicial'];
const OUTCOMES = {
  redriven: 're-driven',
  'already-redriven': 'already re-driven before',
  rejected: 'refused by the adapter',
  unroutable: 'not re-drivable',
  unavailable: 'adapter unavailable (try again)',
  'not-found': 'no longer in the topic',
};

function Outcome({ result }) {
  const parts = Object.entries(result.counts).filter(([, n]) => n > 0).map(([outcome, n]) => `${n} ${OUTCOMES[outcome] ?? outcome}`);
  const failed = result.letters.filter((letter) => letter.outcome !== 'redriven' && letter.outcome !== 'already-redriven');
  return html`
    <${Message} tone=${failed.length > 0 ? 'warn' : 'ok'}>
      <p data-testid="redrive-outcome"><strong>${parts.length === 0 ? 'Nothing to re-drive.' : `Re-drive: ${parts.join(', ')}.`}</strong>${result.counts.redriven > 0 ? ' The adapter accepted the letters again; the consolidator folds them in as they arrive.' : ''}</p>
      ${failed.length > 0 ? html`<ul class="plain">${failed.map((letter) => html`<li><code>${letter.id}</code>: ${OUTCOMES[letter.outcome] ?? letter.outcome}${letter.reason ? ` — ${letter.reason}` : ''}</li>`)}</ul>` : null}
    <//>
  `;
}

export function DeadLettersPage({ series }) {
  const list = usePoll(() => api.get('/v1/console/dead-letters?limit=200'), 5000);
  const [busy, setBusy] = useState(null);
  const [result, setResult] = useState(null);
  const [failure, setFailure] = useState(null);

  const redrive = async (body, what) => {
    setBusy(what);
    setFailure(null);
    try {
      setResult(await api.post('/v1/console/dead-letters:redrive', body));
      await list.refresh();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(null);
    }
  };

  const data = list.data;
  const pending = data ? data.letters.filter((letter) => !letter.redriven).length : 0;
  const trend = series.data;
  return html`
    <div class="page-head">
      <div><h1>Dead letters</h1><p class="muted">What the hub could not use. Fix the cause (a mapping, a code table, the sender), then re-drive: the letter goes back through its adapter and is marked, never sent twice.</p></div>
      <div class="page-actions">
        <button class="button button-primary" disabled=${!data || pending === 0 || busy !== null} onClick=${() => redrive({ all: true }, 'all')} data-testid="redrive-all">
          ${busy === 'all' ? 'Re-driving…' : `Re-drive all pending (${pending})`}
        </button>
      </div>
    </div>
    <div aria-live="polite">
      ${result ? html`<${Outcome} result=${result} />` : null}
      ${failure ? html`<${Message} tone="bad">${failure.message}<//>` : null}
    </div>
    <${Card} title="Dead letters over time" id="letters-chart-title">
      <${Chart} time=${trend?.time} height=${160} format=${count} integer
        series=${REGISTRIES.map((registry) => ({ label: REGISTRY_NAMES[registry], color: REGISTRY_COLOURS[registry], values: trend?.registries[registry].deadLettered ?? [] }))} />
    <//>
    <${Card} title=${data ? `Letters (${count(data.total)})` : 'Letters'} id="letters-title" actions=${data ? html`<span class="muted small">topic <code>${data.topic}</code></span>` : null}>
      ${list.error && !data ? html`<${Message} tone="bad">${list.error.message}<//>` : null}
      ${!data ? html`<${Loading} what="Reading the dead-letter topic" />` : null}
      ${data && data.letters.length === 0 ? html`<p class="empty">No dead letters. Everything that reached the hub could be used.</p>` : null}
      ${data && data.letters.length > 0
        ? html`
          <div class="table-wrap">
            <table class="data" data-testid="letters-table">
              <caption class="sr-only">Dead letters, newest first</caption>
              <thead><tr><th scope="col">Time</th><th scope="col">Registry</th><th scope="col">Stage</th><th scope="col">Reason</th><th scope="col">Source</th><th scope="col">Id</th><th scope="col"><span class="sr-only">Re-drive</span></th></tr></thead>
              <tbody>
                ${data.letters.map((letter) => html`
                  <tr data-letter=${letter.id}>
                    <td class="nowrap">${when(letter.time)}</td>
                    <td><${RegistryName} registry=${letter.registry} /></td>
                    <td><code>${letter.stage}</code></td>
                    <td class="reason">${letter.reason}</td>
                    <td class="truncate" title=${letter.source}><code>${letter.source}</code></td>
                    <td class="truncate" title=${letter.id}><code>${letter.id}</code></td>
                    <td class="actions">
                      ${letter.redriven
                        ? html`<${Badge} tone="ok">re-driven<//>`
                        : html`<button class="button button-small" disabled=${busy !== null} onClick=${() => redrive({ ids: [letter.id] }, letter.id)} aria-label=${`Re-drive dead letter ${letter.id}`}>
                            ${busy === letter.id ? 'Re-driving…' : 'Re-drive'}</button>`}
                    </td>
                  </tr>`)}
              </tbody>
            </table>
          </div>`
        : null}
    <//>
  `;
}

