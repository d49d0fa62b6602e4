/** Figures and verdicts shared by the benchmark runners (planning, time clock). */
export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');

export interface Verdict {
  name: string;
  value: number;
  target: number;
}

/** "MET" or "MISSED", the figure and its target. */
export function verdictLine(v: Verdict): string {
  return `${v.value <= v.target ? 'MET   ' : 'MISSED'} ${v.name}: ${fmt(v.value)} (target <= ${v.target} ms)`;
}
