// The targets a bench suite printed: every stdout line that says MET or MISSED (the suites' reports use a few
// layouts: "MET   name: figure (target ...)", "[MET: target]" after a figure, a summary table row). Pure.

const VERDICT = /\b(MET|MISSED)\b/;
// Terminal colour codes (ESC [ ... m), built from a string so the pattern holds no control character literal.
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** @param {string} out @returns {{ met: boolean, text: string }[]} */
export function targetLines(out) {
  const seen = new Set();
  const lines = [];
  for (const line of out.split('\n')) {
    const raw = line.replace(COLOUR, '');
    const m = VERDICT.exec(raw);
    if (!m) continue;
    // Drop the verdict word and the table or bracket punctuation around it; keep the figure and the target.
    const text = raw.replace(VERDICT, '').replace(/\[\s*:\s*/, '[').replace(/\s+/g, ' ').replace(/^[\s|*-]+|[\s|]+$/g, '').trim();
    if (!text || seen.has(text)) continue;
    seen.add(text);
    lines.push({ met: m[1] === 'MET', text });
  }
  return lines;
}
