/**
 * A small line of the last periods (inline SVG, no chart library on a dashboard of 40 tiles): the values as a
 * line with a dot on the last one, the target as a dashed line. Decorative: the tile says the same in text.
 */
export function Sparkline({ values, targets, width = 120, height = 32 }: { values: readonly (number | null)[]; targets: readonly (number | null)[]; width?: number; height?: number }) {
  const nums = [...values, ...targets].filter((v): v is number => typeof v === 'number');
  if (values.filter((v) => v !== null).length < 2) return null;
  const min = Math.min(...nums);
  const max = Math.max(...nums);
  const span = max - min || 1;
  const pad = 3;
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v: number) => height - pad - ((v - min) * (height - 2 * pad)) / span;
  const path = (list: readonly (number | null)[]) => {
    let d = '';
    let pen = false;
    list.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
      pen = true;
    });
    return d;
  };
  let last = -1;
  values.forEach((v, i) => {
    if (v !== null) last = i;
  });
  return (
    <svg className="kpi-spark" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" focusable="false">
      <path className="kpi-spark__target" d={path(targets)} />
      <path className="kpi-spark__line" d={path(values)} />
      {last >= 0 && <circle className="kpi-spark__dot" cx={x(last)} cy={y(values[last]!)} r={2.5} />}
    </svg>
  );
}
