import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../auth/useSession';
import { demoView, drawDemoChart } from '../../exports/demo-view';
import { ExportMenu } from '../../exports/ExportMenu';
import { useT } from '../../i18n/useT';

/** The export menu on a sample view with fixed data (issue 13): exports CSV, PNG and PDF, signed, to verify. */
export function ExportsDemoSection() {
  const t = useT();
  const { me } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) drawDemoChart(canvas.current);
  }, []);
  const org = me?.activeOrg;
  return (
    <section id="design-exports" className="design__section stack" aria-labelledby="design-exports-title" data-testid="design-exports">
      <h2 id="design-exports-title">{t('exportsDemo.title')}</h2>
      <p>{t('exportsDemo.lead')}</p>
      {org ? <ExportMenu buildView={() => demoView(t, org, canvas.current ?? document.createElement('canvas'))} /> : null}
      <canvas ref={canvas} width={600} height={240} role="img" aria-label={t('exportsDemo.chart')} style={{ maxWidth: '100%' }} />
      <p>
        <Link to="/verify">{t('exportsDemo.verifyLink')}</Link>
      </p>
    </section>
  );
}
