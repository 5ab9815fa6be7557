// SVG charts drawn by hand (no chart library): horizontal bars, grouped bars, a progress bar against a target, a stacked bar.
// Each chart is an <svg role="img"> with a <title>; every mark carries data-value so tests and screen readers can read it.

const NS = 'http://www.w3.org/2000/svg';

export interface Bar { label: string; value: number; color?: string }
export interface Series { name: string; color: string }
export interface Group { label: string; values: number[] }

export const palette = { blue: '#1f5fa8', teal: '#1b8a7a', amber: '#b26a00', red: '#c0392b', green: '#2e7d32', grey: '#8a8f98' };

function svg(tag: string, attrs: Record<string, string | number> = {}, text?: string): SVGElement {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

function frame(title: string, width: number, height: number): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart' }) as SVGSVGElement;
  root.append(svg('title', {}, title));
  return root;
}

const fmt = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(2));

/** One bar a row, scaled to the largest value (or to max when given), value written after the bar. */
export function barChart(title: string, bars: Bar[], options: { width?: number; max?: number; labelWidth?: number } = {}): SVGSVGElement {
  const width = options.width ?? 520;
  const labelWidth = options.labelWidth ?? 150;
  const row = 26;
  const height = Math.max(1, bars.length) * row + 8;
  const root = frame(title, width, height);
  const max = Math.max(options.max ?? 0, ...bars.map((b) => b.value), 1);
  const span = width - labelWidth - 60;
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const w = b.value > 0 ? Math.max(2, (b.value / max) * span) : 0;
    root.append(
      svg('text', { x: labelWidth - 6, y: y + 16, 'text-anchor': 'end', class: 'label' }, b.label),
      svg('rect', { x: labelWidth, y: y + 3, width: w, height: row - 8, rx: 2, fill: b.color ?? palette.blue, class: 'mark', 'data-value': b.value }),
      svg('text', { x: labelWidth + w + 6, y: y + 16, class: 'value' }, fmt(b.value)),
    );
  });
  return root;
}

/** Groups side by side (one per sector), one bar per series in each, with a legend. */
export function groupedBars(title: string, series: Series[], groups: Group[], options: { width?: number; height?: number } = {}): SVGSVGElement {
  const width = options.width ?? 520;
  const height = options.height ?? 240;
  const root = frame(title, width, height);
  const top = 24;
  const bottom = height - 28;
  const max = Math.max(1, ...groups.flatMap((g) => g.values));
  const groupWidth = (width - 20) / Math.max(1, groups.length);
  const barWidth = Math.min(36, (groupWidth - 16) / Math.max(1, series.length));
  series.forEach((s, i) => root.append(
    svg('rect', { x: 10 + i * 120, y: 4, width: 12, height: 12, fill: s.color }),
    svg('text', { x: 26 + i * 120, y: 14, class: 'legend' }, s.name),
  ));
  root.append(svg('line', { x1: 10, x2: width - 10, y1: bottom, y2: bottom, stroke: palette.grey }));
  groups.forEach((g, gi) => {
    const x0 = 10 + gi * groupWidth + (groupWidth - barWidth * series.length) / 2;
    g.values.forEach((v, si) => {
      const h = v > 0 ? Math.max(2, (v / max) * (bottom - top - 14)) : 0;
      const x = x0 + si * barWidth;
      root.append(
        svg('rect', { x, y: bottom - h, width: barWidth - 3, height: h, fill: series[si]?.color ?? palette.grey, class: 'mark', 'data-value': v }),
        svg('text', { x: x + (barWidth - 3) / 2, y: bottom - h - 3, 'text-anchor': 'middle', class: 'value' }, fmt(v)),
      );
    });
    root.append(svg('text', { x: 10 + gi * groupWidth + groupWidth / 2, y: height - 10, 'text-anchor': 'middle', class: 'label' }, g.label));
  });
  return root;
}

/** Progress towards a target: the filled part, the target line, "n / target". Over target shows the excess in the warning colour. */
export function progress(title: string, value: number, target: number, options: { width?: number; unit?: string; color?: string } = {}): SVGSVGElement {
  const width = options.width ?? 520;
  const root = frame(title, width, 54);
  const span = width - 20;
  const scale = Math.max(value, target, 1);
  const filled = value > 0 ? Math.max(2, (Math.min(value, target || value) / scale) * span) : 0;
  root.append(svg('rect', { x: 10, y: 10, width: span, height: 20, rx: 3, fill: '#e6e9ef' }));
  root.append(svg('rect', { x: 10, y: 10, width: filled, height: 20, rx: 3, fill: options.color ?? palette.teal, class: 'mark', 'data-value': value }));
  if (target > 0 && value > target) {
    root.append(svg('rect', { x: 10 + (target / scale) * span, y: 10, width: ((value - target) / scale) * span, height: 20, fill: palette.red, class: 'mark over', 'data-value': value - target }));
  }
  if (target > 0) {
    const tx = 10 + (target / scale) * span;
    root.append(svg('line', { x1: tx, x2: tx, y1: 4, y2: 36, stroke: '#333', 'stroke-width': 2, class: 'target' }));
  }
  root.append(svg('text', { x: 10, y: 48, class: 'value' }, `${fmt(value)} / ${fmt(target)}${options.unit ?? ''}`));
  return root;
}

/** Parts of a whole as one stacked bar with a legend (milestones by state). */
export function stackedBar(title: string, parts: Bar[], options: { width?: number } = {}): SVGSVGElement {
  const width = options.width ?? 520;
  const root = frame(title, width, 64);
  const total = parts.reduce((s, p) => s + p.value, 0);
  const span = width - 20;
  let x = 10;
  root.append(svg('rect', { x: 10, y: 6, width: span, height: 22, rx: 3, fill: '#e6e9ef' }));
  for (const p of parts) {
    const w = total > 0 ? (p.value / total) * span : 0;
    if (w > 0) root.append(svg('rect', { x, y: 6, width: w, height: 22, fill: p.color ?? palette.blue, class: 'mark', 'data-value': p.value }));
    x += w;
  }
  parts.forEach((p, i) => root.append(
    svg('rect', { x: 10 + i * 128, y: 40, width: 12, height: 12, fill: p.color ?? palette.blue }),
    svg('text', { x: 26 + i * 128, y: 50, class: 'legend' }, `${p.label} ${fmt(p.value)}`),
  ));
  return root;
}
