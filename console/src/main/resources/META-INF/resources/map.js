// A schematic SVG map of the delta drawn from data/delta-cities.json: each province is the padded
// hull of its prefecture cities, each city a dot sized by its valid 5A organizations, and each
// pair of provinces with open conflicts an arc labelled with their number.

const W = 640;
const H = 560;
const COLORS = { SH: '#d9485f', JS: '#3b7dd8', ZJ: '#2f9e6e', AH: '#c98a1b' };

function projector(cities) {
  const lons = cities.map((c) => c.lon);
  const lats = cities.map((c) => c.lat);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos(((minLat + maxLat) / 2) * Math.PI / 180);
  const scale = Math.min((W - 80) / ((maxLon - minLon) * k), (H - 80) / (maxLat - minLat));
  return (c) => [40 + (c.lon - minLon) * k * scale, H - 40 - (c.lat - minLat) * scale];
}

function hull(points) {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o, a, b) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower = [];
  for (const q of p) { while (lower.length >= 2 && cross(lower.at(-2), lower.at(-1), q) <= 0) lower.pop(); lower.push(q); }
  const upper = [];
  for (const q of p.reverse()) { while (upper.length >= 2 && cross(upper.at(-2), upper.at(-1), q) <= 0) upper.pop(); upper.push(q); }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

function padded(points, by) {
  // A shape around the points: every point pushed out into a small circle, then the hull of all.
  const ring = [];
  for (const [x, y] of points) {
    for (let a = 0; a < 12; a++) ring.push([x + by * Math.cos(a * Math.PI / 6), y + by * Math.sin(a * Math.PI / 6)]);
  }
  return hull(ring);
}

export function drawMap(container, data, stats, lang) {
  const project = projector(data.cities);
  const byProvince = {};
  for (const c of data.cities) (byProvince[c.province] ??= []).push({ ...c, xy: project(c) });
  const fiveA = stats.valid5AByCity ?? {};
  const centre = (p) => {
    const xs = byProvince[p].map((c) => c.xy);
    return [xs.reduce((a, b) => a + b[0], 0) / xs.length, xs.reduce((a, b) => a + b[1], 0) / xs.length];
  };
  const pairs = {};
  for (const byPair of Object.values(stats.openConflicts ?? {})) {
    for (const [pair, n] of Object.entries(byPair)) {
      const ends = pair.split('-');
      if (ends.length === 2 && ends[0] !== ends[1]) pairs[ends.sort().join('-')] = (pairs[ends.sort().join('-')] ?? 0) + n;
    }
  }
  const svg = [`<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="map" class="delta-map">`];
  for (const [p, cities] of Object.entries(byProvince)) {
    const shape = padded(cities.map((c) => c.xy), p === 'SH' ? 22 : 30);
    svg.push(`<path class="province" data-province="${p}" d="M${shape.map((q) => q.map((v) => v.toFixed(1)).join(',')).join('L')}Z"
      fill="${COLORS[p]}" fill-opacity="0.12" stroke="${COLORS[p]}" stroke-width="1.5"/>`);
  }
  for (const [pair, n] of Object.entries(pairs)) {
    const [a, b] = pair.split('-').map(centre);
    const mx = (a[0] + b[0]) / 2 - (b[1] - a[1]) * 0.25;
    const my = (a[1] + b[1]) / 2 + (b[0] - a[0]) * 0.25;
    svg.push(`<path class="arc" data-pair="${pair}" d="M${a[0]},${a[1]} Q${mx},${my} ${b[0]},${b[1]}" fill="none"
      stroke="#7a2e8e" stroke-opacity="0.7" stroke-width="${Math.min(10, 1.5 + Math.log2(1 + n))}"/>
      <text x="${mx}" y="${my}" class="arc-label">${n}</text>`);
  }
  for (const cities of Object.values(byProvince)) {
    for (const c of cities) {
      const n = fiveA[c.code] ?? 0;
      const r = 3 + Math.sqrt(n) * 3;
      svg.push(`<g class="city" data-city="${c.code}" data-five-a="${n}"><circle cx="${c.xy[0]}" cy="${c.xy[1]}" r="${r}"
        fill="${COLORS[c.province]}" fill-opacity="${n ? 0.85 : 0.35}"><title>${lang === 'zh' ? c.zh : c.en}: ${n}</title></circle>
        <text x="${c.xy[0] + r + 2}" y="${c.xy[1] + 4}">${lang === 'zh' ? c.zh.replace(/市$/, '') : c.en}${n ? ' ' + n : ''}</text></g>`);
    }
  }
  svg.push('</svg>');
  container.innerHTML = svg.join('');
}
