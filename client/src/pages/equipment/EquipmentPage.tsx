import { useT } from '../../i18n/useT';
import '../../app/section-page.css';

/** Equipment (issue 13): catalogue of items and kits, reservations on missions, incidents. */
export function EquipmentPage() {
  const t = useT();
  return (
    <section className="page stack section-page page--wide" aria-labelledby="title-equipment">
      <div className="section-head">
        <h1 id="title-equipment" data-testid="page-equipment">
          {t('equipmentPage.title')}
        </h1>
      </div>
    </section>
  );
}
