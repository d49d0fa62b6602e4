import en from './en.json';
import enCalendar from './en.calendar.json';
import enPlanning from './en.planning.json';
import enTimeclock from './en.timeclock.json';
import enKiosk from './en.kiosk.json';
import enIntegrity from './en.integrity.json';
import enDesign from './en.design.json';
import enEnums from './en.enums.json';
import enFormat from './en.format.json';
import enA11y from './en.a11y.json';
import enKpi from './en.kpi.json';
import enKpiboard from './en.kpiboard.json';
import enKpiimport from './en.kpiimport.json';
import enAnalytics from './en.analytics.json';
import enEquipment from './en.equipment.json';
import enExports from './en.exports.json';
import enNotifications from './en.notifications.json';
import enIcsfeeds from './en.icsfeeds.json';
import enWebhooks from './en.webhooks.json';
import { merge, type Catalog } from './merge';

/** The English catalogue (the client loads it on use: client/src/i18n/load-catalog.ts). */
export const EN_CATALOG: Catalog = merge(en, enPlanning, enCalendar, enTimeclock, enKiosk, enIntegrity, enDesign, enEnums, enFormat, enA11y, enKpi, enKpiboard, enKpiimport, enAnalytics, enEquipment, enExports, enNotifications, enIcsfeeds, enWebhooks);
