// The console's single page: polls the overview and the trends for every view (one read of each per few
// seconds, whatever the view), and shows the view the URL fragment names.
import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { api } from './api.js';
import { Layout } from './components/layout.js';
import { html } from './html.js';
import { useClock, usePoll, useRoute } from './hooks.js';
import { DeadLettersPage } from './pages/dead-letters.js';
import { OverviewPage } from './pages/overview.js';
import { QualityPage } from './pages/quality.js';
import { RecordPage } from './pages/record.js';

const TITLES = { overview: 'Overview', quality: 'Data quality', 'dead-letters': 'Dead letters', records: 'Record view' };

function App() {
  const [section = 'overview', argument] = useRoute();
  const session = usePoll(() => api.get('/v1/session'), 60_000);
  const overview = usePoll(() => api.get('/v1/console/overview'), 2_000);
  const refreshMs = Math.min(5_000, Math.max(1_000, overview.data?.sampleIntervalMs ?? 5_000));
  const series = usePoll(() => api.get('/v1/console/series?minutes=60'), refreshMs);
  const now = useClock();
  useEffect(() => {
    document.title = `${TITLES[section] ?? 'Console'} · LGSP Hub console`;
  }, [section]);

  let view;
  if (section === 'quality') view = html`<${QualityPage} overview=${overview} series=${series} />`;
  else if (section === 'dead-letters') view = html`<${DeadLettersPage} series=${series} />`;
  else if (section === 'records') view = html`<${RecordPage} personalId=${argument} />`;
  else view = html`<${OverviewPage} overview=${overview} series=${series} />`;

  return html`<${Layout} section=${TITLES[section] ? section : 'overview'} session=${session.data} overview=${overview} now=${now}>${view}<//>`;
}

render(html`<${App} />`, document.getElementById('app'));
