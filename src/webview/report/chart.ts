// The states-over-time chart: one step line per state, plain SVG built with DOM calls (no chart
// library: a few polylines need no dependency, and the CSP allows no inline script or style).
import type { TimelinePoint } from '../../core/report/deliveryReport';
import type { ReportState } from '../../core/report/reportStates';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 200;
const PAD = { left: 40, right: 10, top: 10, bottom: 24 };

/** The states the chart draws, in the order of the legend. */
export const CHARTED: readonly ReportState[] = ['queued', 'sent', 'delivered', 'undelivered', 'failed'];

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

const seconds = (ms: number): string => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 60_000).toFixed(1)} min`);

/** The chart of `timeline`, or undefined when there is nothing yet to draw. */
export function stateChart(timeline: readonly TimelinePoint[], total: number): SVGSVGElement | undefined {
  if (timeline.length === 0 || total === 0) return undefined;
  const start = timeline[0].at;
  const span = Math.max(timeline[timeline.length - 1].at - start, 1);
  const x = (at: number) => PAD.left + ((at - start) / span) * (WIDTH - PAD.left - PAD.right);
  const y = (count: number) => HEIGHT - PAD.bottom - (count / total) * (HEIGHT - PAD.top - PAD.bottom);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', id: 'state-chart', class: 'chart' });
  chart.append(svg('title', {}, `States over ${seconds(span)}: ${CHARTED.map((state) => `${timeline[timeline.length - 1].counts[state]} ${state}`).join(', ')}`));
  chart.append(svg('line', { class: 'axis', x1: PAD.left, y1: HEIGHT - PAD.bottom, x2: WIDTH - PAD.right, y2: HEIGHT - PAD.bottom }));
  chart.append(svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: HEIGHT - PAD.bottom }));
  chart.append(svg('text', { class: 'tick', x: PAD.left - 4, y: PAD.top + 8, 'text-anchor': 'end' }, String(total)));
  chart.append(svg('text', { class: 'tick', x: PAD.left - 4, y: HEIGHT - PAD.bottom, 'text-anchor': 'end' }, '0'));
  chart.append(svg('text', { class: 'tick', x: WIDTH - PAD.right, y: HEIGHT - 6, 'text-anchor': 'end' }, `+${seconds(span)}`));
  for (const state of CHARTED) {
    // Steps: a count holds until the next point, then jumps.
    const points: string[] = [];
    timeline.forEach((point, i) => {
      if (i > 0) points.push(`${x(point.at)},${y(timeline[i - 1].counts[state])}`);
      points.push(`${x(point.at)},${y(point.counts[state])}`);
    });
    chart.append(svg('polyline', { class: `line state-${state}`, points: points.join(' '), 'data-state': state }));
  }
  return chart;
}
