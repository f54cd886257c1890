// The console's small building blocks: cards, figures, badges, bars, messages.
import { html } from '../html.js';

export const REGISTRY_COLOURS = { land: '#16a34a', enterprise: '#7c3aed', household: '#2563eb', judicial: '#d97706' };
export const REGISTRY_NAMES = { land: 'Land', enterprise: 'Enterprise', household: 'Household', judicial: 'Judicial' };

export function Card({ title, actions, children, className = '', id }) {
  return html`
    <section class=${`card ${className}`} aria-labelledby=${id}>
      ${title ? html`<header class="card-head"><h2 id=${id}>${title}</h2>${actions ? html`<div class="card-actions">${actions}</div>` : null}</header>` : null}
      <div class="card-body">${children}</div>
    </section>
  `;
}

export function Kpi({ label, value, note, tone = 'plain', testId }) {
  return html`
    <div class=${`kpi kpi-${tone}`} data-testid=${testId}>
      <div class="kpi-label">${label}</div>
      <div class="kpi-value">${value}</div>
      ${note ? html`<div class="kpi-note">${note}</div>` : null}
    </div>
  `;
}

export function Badge({ tone = 'plain', children }) {
  return html`<span class=${`badge badge-${tone}`}>${children}</span>`;
}

export function RegistryName({ registry }) {
  return html`<span class="registry"><span class="swatch" style=${{ background: REGISTRY_COLOURS[registry] ?? '#94a3b8' }} aria-hidden="true"></span>${REGISTRY_NAMES[registry] ?? registry ?? '?'}</span>`;
}

/** A horizontal bar for a share of 0..1. */
export function Bar({ value, tone = 'brand', label }) {
  const width = `${Math.max(0, Math.min(1, value ?? 0)) * 100}%`;
  return html`<div class="bar" role="img" aria-label=${label}><div class=${`bar-fill bar-${tone}`} style=${{ width }}></div></div>`;
}

export function Message({ tone = 'info', children }) {
  return html`<div class=${`message message-${tone}`} role=${tone === 'bad' ? 'alert' : 'status'}>${children}</div>`;
}

export function Loading({ what = 'Loading' }) {
  return html`<p class="muted loading">${what}…</p>`;
}
