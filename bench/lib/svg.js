'use strict';
/**
 * Small hand-built SVG charts (no plotting package is installed): grouped bars and lines with a log or
 * linear x axis. Plain SVG 1.1 with inline styles, readable on GitHub in light and dark themes.
 */
const COLORS = {
  ours: '#1f77b4',
  plain: '#ff7f0e',
  baseline: '#ff7f0e',
  extra: '#2ca02c',
  grey: '#7f7f7f',
};

const escape = (text) =>
  String(text).replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]
  );

const niceMax = (value) => {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
    if (value <= step * power) return step * power;
  return 10 * power;
};

const format = (value) => {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1).replace(/\.0$/, '');
  return value.toFixed(2).replace(/\.?0+$/, '');
};

const frame = (width, height, title, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">\n` +
  `<rect width="${width}" height="${height}" fill="#ffffff"/>\n` +
  `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold" fill="#222">${escape(title)}</text>\n${body}</svg>\n`;

const legend = (entries, x, y) => {
  let ex = x;
  return entries
    .map((entry) => {
      const at = ex;
      ex += 40 + entry.label.length * 7;
      return `<rect x="${at}" y="${y - 9}" width="12" height="12" fill="${entry.color}"/><text x="${at + 17}" y="${y + 1}" fill="#222">${escape(entry.label)}</text>`;
    })
    .join('\n');
};

/**
 * groups: [{ label, bars: [{ key, value, low?, high? }] }]; series: [{ key, label, color }].
 * `high` draws a whisker (e.g. p95) above the bar.
 */
const barChart = ({ title, unit, groups, series, width = 760, height = 340 }) => {
  const margin = { top: 50, right: 20, bottom: 70, left: 70 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(
    Math.max(
      ...groups.flatMap((group) => group.bars.map((bar) => Math.max(bar.value || 0, bar.high || 0)))
    )
  );
  const y = (value) => margin.top + plotH - (value / max) * plotH;
  const parts = [];
  for (let i = 0; i <= 5; i += 1) {
    const value = (max / 5) * i;
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(value)}" y2="${y(value)}" stroke="#e0e0e0"/>`
    );
    parts.push(
      `<text x="${margin.left - 6}" y="${y(value) + 4}" text-anchor="end" fill="#444">${format(value)}</text>`
    );
  }
  parts.push(
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#444">${escape(unit)}</text>`
  );
  const groupW = plotW / Math.max(1, groups.length);
  const barW = Math.min(40, (groupW * 0.7) / Math.max(1, series.length));
  groups.forEach((group, g) => {
    const center = margin.left + groupW * (g + 0.5);
    const start = center - (barW * series.length) / 2;
    series.forEach((serie, s) => {
      const bar = group.bars.find((candidate) => candidate.key === serie.key);
      if (!bar || bar.value == null) return;
      const x = start + s * barW;
      parts.push(
        `<rect x="${x + 2}" y="${y(bar.value)}" width="${barW - 4}" height="${Math.max(0, y(0) - y(bar.value))}" fill="${serie.color}"><title>${escape(`${group.label} ${serie.label}: ${format(bar.value)} ${unit}`)}</title></rect>`
      );
      if (bar.high != null) {
        const cx = x + barW / 2;
        parts.push(
          `<line x1="${cx}" x2="${cx}" y1="${y(bar.value)}" y2="${y(bar.high)}" stroke="#333"/><line x1="${cx - 4}" x2="${cx + 4}" y1="${y(bar.high)}" y2="${y(bar.high)}" stroke="#333"/>`
        );
      }
      parts.push(
        `<text x="${x + barW / 2}" y="${y(bar.value) - 3}" text-anchor="middle" font-size="10" fill="#222">${format(bar.value)}</text>`
      );
    });
    const lines = String(group.label).split('\n');
    lines.forEach((line, index) =>
      parts.push(
        `<text x="${center}" y="${margin.top + plotH + 16 + index * 13}" text-anchor="middle" fill="#222">${escape(line)}</text>`
      )
    );
  });
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(0)}" y2="${y(0)}" stroke="#444"/>`
  );
  parts.push(
    legend(
      series.map((serie) => ({ label: serie.label, color: serie.color })),
      margin.left,
      height - 14
    )
  );
  return frame(width, height, title, parts.join('\n'));
};

/** series: [{ label, color, points: [[x, y], …] }]; log-scaled x axis when `logX`. */
const lineChart = ({ title, unit, xLabel, series, logX = true, width = 760, height = 340 }) => {
  const margin = { top: 50, right: 30, bottom: 70, left: 70 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const xs = series.flatMap((serie) => serie.points.map(([x]) => x));
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const max = niceMax(
    Math.max(...series.flatMap((serie) => serie.points.map(([, value]) => value)))
  );
  const tx = (value) => (logX ? Math.log10(value) : value);
  const x = (value) =>
    margin.left +
    (maxX === minX ? plotW / 2 : ((tx(value) - tx(minX)) / (tx(maxX) - tx(minX))) * plotW);
  const y = (value) => margin.top + plotH - (value / max) * plotH;
  const parts = [];
  for (let i = 0; i <= 5; i += 1) {
    const value = (max / 5) * i;
    parts.push(
      `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(value)}" y2="${y(value)}" stroke="#e0e0e0"/>`
    );
    parts.push(
      `<text x="${margin.left - 6}" y="${y(value) + 4}" text-anchor="end" fill="#444">${format(value)}</text>`
    );
  }
  for (const value of [...new Set(xs)]) {
    parts.push(
      `<line x1="${x(value)}" x2="${x(value)}" y1="${margin.top}" y2="${margin.top + plotH}" stroke="#f0f0f0"/>`
    );
    parts.push(
      `<text x="${x(value)}" y="${margin.top + plotH + 16}" text-anchor="middle" fill="#222">${value.toLocaleString('en')}</text>`
    );
  }
  parts.push(
    `<text x="${margin.left + plotW / 2}" y="${margin.top + plotH + 34}" text-anchor="middle" fill="#444">${escape(xLabel)}</text>`
  );
  parts.push(
    `<text transform="translate(16 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#444">${escape(unit)}</text>`
  );
  for (const serie of series) {
    const points = serie.points.map(([px, py]) => `${x(px)},${y(py)}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${serie.color}" stroke-width="2.5"${serie.dashed ? ' stroke-dasharray="6 4"' : ''}/>`
    );
    for (const [px, py] of serie.points) {
      parts.push(
        `<circle cx="${x(px)}" cy="${y(py)}" r="4" fill="${serie.color}"><title>${escape(`${serie.label}: ${format(py)} ${unit} at ${px.toLocaleString('en')}`)}</title></circle>`
      );
      parts.push(
        `<text x="${x(px) + 6}" y="${y(py) - 6}" font-size="10" fill="${serie.color}">${format(py)}</text>`
      );
    }
  }
  parts.push(
    `<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${y(0)}" y2="${y(0)}" stroke="#444"/>`
  );
  parts.push(
    legend(
      series.map((serie) => ({ label: serie.label, color: serie.color })),
      margin.left,
      height - 14
    )
  );
  return frame(width, height, title, parts.join('\n'));
};

module.exports = { barChart, lineChart, COLORS };
