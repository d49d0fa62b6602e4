import { say } from './out';

/** One line of a bench result: a figure, optionally checked against a target. */
export interface Figure {
  label: string;
  value: string;
  /** Present when the figure has a target: the verdict and the target's wording. */
  target?: { met: boolean; text: string };
}

export interface BenchResult {
  id: string;
  title: string;
  /** Ratios against the baselines of the same run (what to compare between machines). */
  ratios: Figure[];
  /** Absolute figures, for context. */
  absolute: Figure[];
  notes: string[];
  /** Set when the bench could not run to the end. */
  error?: string;
}

const verdict = (f: Figure) => (f.target ? `  [${f.target.met ? 'MET' : 'MISSED'}: ${f.target.text}]` : '');

export function printResult(r: BenchResult): void {
  say('');
  say(`== ${r.id}: ${r.title}`);
  if (r.error) say(`   ERROR: ${r.error}`);
  if (r.ratios.length) say('   ratios (against baselines measured in this run):');
  for (const f of r.ratios) say(`     ${f.label.padEnd(58)} ${f.value.padStart(14)}${verdict(f)}`);
  if (r.absolute.length) say('   absolute figures (context):');
  for (const f of r.absolute) say(`     ${f.label.padEnd(58)} ${f.value.padStart(14)}${verdict(f)}`);
  for (const n of r.notes) say(`   note: ${n}`);
}

export function printSummary(results: readonly BenchResult[]): void {
  say('');
  say('== Targets');
  for (const r of results) {
    if (r.error) say(`   ${r.id.padEnd(14)} ERROR    ${r.error}`);
    for (const f of [...r.ratios, ...r.absolute]) {
      if (!f.target) continue;
      say(`   ${r.id.padEnd(14)} ${(f.target.met ? 'MET' : 'MISSED').padEnd(8)} ${f.label}: ${f.value} (target ${f.target.text})`);
    }
  }
}
