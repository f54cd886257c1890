// A time-series chart (uPlot): one time axis, one line per series. Drawn once, then fed new data in place;
// resized with its container. The numbers it draws are also in the tables and figures beside it, so to a
// screen reader it is an image with a summary. `compact` draws a sparkline (no axes, no legend). `range` is
// the y range: [min, max], or uPlot's (plot, low, high) => [min, max]; from 0 up by default.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from '../html.js';

// Whole-number steps, so a count axis never shows 0, 0, 1, 1.
const INTEGER_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8];
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function axis(extra) {
  return { stroke: '#64748b', grid: { stroke: '#eef2f7', width: 1 }, ticks: { stroke: '#e2e8f0', width: 1, size: 4 }, font: '12px system-ui, sans-serif', ...extra };
}

function optionsOf({ width, height, series, format, integer, range, compact }) {
  const yRange = typeof range === 'function' ? range : Array.isArray(range) ? () => range : (_plot, _low, high) => [0, high > 0 ? high * 1.15 : 1];
  return {
    width,
    height,
    padding: compact ? [4, 2, 2, 2] : [12, 28, 0, 4],
    legend: { show: !compact && series.length > 1, live: false },
    cursor: compact ? { show: false } : { points: { size: 6 }, drag: { x: false, y: false } },
    scales: { x: { time: true }, y: { range: yRange } },
    axes: compact
      ? [{ show: false }, { show: false }]
      : [
          axis({ values: (_plot, ticks) => ticks.map((tick) => clock.format(new Date(tick * 1000))), space: 80 }),
          axis({ size: 60, ...(integer ? { incrs: INTEGER_STEPS } : {}), ...(format ? { values: (_plot, ticks) => ticks.map((tick) => format(tick)) } : {}) }),
        ],
    series: [
      {},
      ...series.map((line) => ({
        label: line.label,
        stroke: line.color,
        width: compact ? 1.75 : 2,
        fill: series.length === 1 ? `${line.color}1a` : undefined,
        points: { show: false },
        value: (_plot, value) => (value === null || value === undefined ? '–' : format ? format(value) : value),
      })),
    ],
  };
}

export function Chart({ title, time, series, height = 200, format, integer = false, range, compact = false }) {
  const container = useRef(null);
  const plot = useRef(null);
  const enough = Array.isArray(time) && time.length >= 2;
  const data = enough ? [time, ...series.map((line) => line.values)] : null;
  const shape = series.map((line) => `${line.label}:${line.color}`).join('|');

  useEffect(() => {
    if (!enough || !container.current) return undefined;
    const width = () => Math.max(120, container.current.clientWidth);
    plot.current = new uPlot(optionsOf({ width: width(), height, series, format, integer, range, compact }), data, container.current);
    const observer = new ResizeObserver(() => {
      if (plot.current && container.current) plot.current.setSize({ width: width(), height });
    });
    observer.observe(container.current);
    return () => {
      observer.disconnect();
      plot.current?.destroy();
      plot.current = null;
    };
  }, [enough, shape, height, compact]);

  useEffect(() => {
    if (plot.current && data) plot.current.setData(data);
  });

  const summary = `${title ?? 'Trend'}: ${series.map((line) => line.label).join(', ')} over the last ${time?.length ?? 0} samples`;
  return html`
    <figure class=${`chart${compact ? ' chart-compact' : ''}`}>
      ${title ? html`<figcaption>${title}</figcaption>` : null}
      ${enough
        ? html`<div class="chart-canvas" ref=${container} role="img" aria-label=${summary}></div>`
        : html`<div class="chart-empty" style=${{ height: `${height}px` }}>${compact ? '' : 'Collecting samples…'}</div>`}
    </figure>
  `;
}
