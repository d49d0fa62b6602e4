import type { KpiFrequency } from '@coulisses/shared';
import type { AutoMetric } from '@coulisses/shared/kpi/auto-metrics';

/**
 * The demo's KPI side, in plain data (kpi-plan.ts turns it into documents around the day the demo is created):
 * dashboards per process, manual KPIs with a year of values (a seeded curve, some periods placed red or orange on
 * purpose, one KPI whose last period was never entered: LATE), automatic KPIs on the season's project (their
 * values are computed by the server from the season's planning and timesheets), action plans (one overdue) and
 * comments. Person, team and project keys are those of season-content.ts.
 */

type Direction = 'UP_IS_BETTER' | 'DOWN_IS_BETTER' | 'CLOSEST_IS_BETTER';
type Bands = { kind: 'ABSOLUTE' | 'PERCENT_OF_TARGET'; green: number; orange: number };

interface KpiBase {
  key: string;
  name: string;
  description?: string;
  unit: string;
  decimals: number;
  frequency: KpiFrequency;
  direction: Direction;
  target: number | null;
  thresholds: Bands;
  aggregation: 'SUM' | 'AVERAGE' | 'LAST';
  gracePeriodDays: number;
  owner: string;
}

export interface ManualKpi extends KpiBase {
  source: 'MANUAL';
  /** Values: base + amplitude x sin(2 pi x period / periods per year) + noise in [-noise, noise]. */
  curve: { base: number; amplitude: number; noise: number; min?: number; max?: number };
  /** Values placed on purpose, by periods ago (1: the last ended period). */
  placed?: Record<number, number>;
  /** Periods ago left without a value (1 on a KPI without grace: LATE). */
  missing?: number[];
  /** A comment entered with the value, by periods ago. */
  notes?: Record<number, string>;
}

export interface AutomaticKpi extends KpiBase {
  source: 'AUTOMATIC';
  metric: AutoMetric;
  /** The season project the metric reads (none: the organisation). */
  project?: string;
}

export type SeasonKpi = ManualKpi | AutomaticKpi;

export interface SeasonDashboard {
  key: string;
  name: string;
  process: string;
  description: string;
  owner: string;
  sharing: 'ORGANISATION' | 'TEAMS' | 'PRIVATE';
  teams?: string[];
  kpis: string[];
}

export interface SeasonAction {
  kpi: string;
  title: string;
  description?: string;
  owner: string;
  /** Days from today (negative: already due). */
  due: number;
  progress: number;
  status: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
}

export interface SeasonComment {
  kpi: string;
  /** Index in the season's actions when the comment is on an action. */
  action?: number;
  /** The person (with a demo account) who writes it. */
  by: string;
  body: string;
  /** Days from today. */
  day: number;
}

export interface KpiSeason {
  slug: string;
  kpis: SeasonKpi[];
  dashboards: SeasonDashboard[];
  actions: SeasonAction[];
  comments: SeasonComment[];
}

const PCT_UP: Bands = { kind: 'PERCENT_OF_TARGET', green: 100, orange: 90 };

export const GRAND_PLATEAU_KPIS: KpiSeason = {
  slug: 'grand-plateau',
  kpis: [
    // Production: the season's project, measured by the product itself.
    {
      key: 'songe-couverture', name: 'Couverture des missions - Songe', description: 'Personnes ayant accepte / besoins des missions publiees du Songe, par semaine.',
      unit: '%', decimals: 0, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 100, thresholds: { kind: 'PERCENT_OF_TARGET', green: 95, orange: 80 },
      aggregation: 'AVERAGE', gracePeriodDays: 0, owner: 'marc', source: 'AUTOMATIC', metric: 'COVERAGE_RATE', project: 'songe',
    },
    {
      key: 'songe-ecart', name: 'Ecart heures reelles / prevues - Songe', description: 'Heures pointees par rapport aux heures planifiees des personnes ayant accepte.',
      unit: '%', decimals: 1, frequency: 'WEEKLY', direction: 'CLOSEST_IS_BETTER', target: 0, thresholds: { kind: 'ABSOLUTE', green: 5, orange: 10 },
      aggregation: 'AVERAGE', gracePeriodDays: 0, owner: 'marc', source: 'AUTOMATIC', metric: 'HOURS_VARIANCE_PCT', project: 'songe',
    },
    {
      key: 'songe-heures', name: 'Heures reelles - Songe', description: 'Plafond hebdomadaire de l\'equipe technique du Songe.',
      unit: 'h', decimals: 1, frequency: 'WEEKLY', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 280, orange: 320 }, aggregation: 'SUM', gracePeriodDays: 0, owner: 'marc', source: 'AUTOMATIC', metric: 'ACTUAL_HOURS', project: 'songe',
    },
    {
      key: 'songe-masse', name: 'Masse salariale - Songe', description: 'Brut estime des feuilles de temps du Songe (profils de taux), hors charges.',
      unit: 'EUR', decimals: 0, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: 9000, thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 110 },
      aggregation: 'SUM', gracePeriodDays: 0, owner: 'alice', source: 'AUTOMATIC', metric: 'PAYROLL_MASS', project: 'songe',
    },
    {
      key: 'heures-sup', name: 'Heures au-dela de 35 h', description: 'Au-dela de 35 h par personne et semaine civile, tous projets.',
      unit: 'h', decimals: 1, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 10, orange: 25 },
      aggregation: 'SUM', gracePeriodDays: 0, owner: 'marc', source: 'AUTOMATIC', metric: 'OVERTIME_HOURS',
    },
    {
      key: 'heures-nuit', name: 'Heures de nuit', unit: 'h', decimals: 1, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: null,
      thresholds: { kind: 'ABSOLUTE', green: 40, orange: 80 }, aggregation: 'SUM', gracePeriodDays: 0, owner: 'marc', source: 'AUTOMATIC', metric: 'NIGHT_HOURS',
    },
    {
      key: 'retards', name: 'Retards a la prise de poste', description: 'Premier pointage plus de 5 minutes apres le debut de la mission.',
      unit: 'nb', decimals: 0, frequency: 'WEEKLY', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 1, orange: 3 },
      aggregation: 'SUM', gracePeriodDays: 0, owner: 'antoine', source: 'AUTOMATIC', metric: 'LATE_STARTS',
    },
    {
      key: 'cout-horaire', name: 'Cout horaire moyen', unit: 'EUR/h', decimals: 2, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: null,
      thresholds: { kind: 'ABSOLUTE', green: 22, orange: 26 }, aggregation: 'AVERAGE', gracePeriodDays: 0, owner: 'alice', source: 'AUTOMATIC', metric: 'AVERAGE_HOURLY_COST',
    },
    {
      key: 'budget', name: 'Consommation du budget de production', description: 'Depenses engagees / budget prevu a date.',
      unit: '%', decimals: 1, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: 100, thresholds: { kind: 'PERCENT_OF_TARGET', green: 100, orange: 105 },
      aggregation: 'LAST', gracePeriodDays: 10, owner: 'alice', source: 'MANUAL',
      curve: { base: 97, amplitude: 4, noise: 3 }, placed: { 1: 108.4, 4: 103.2 }, notes: { 1: 'Depassement decors Songe : toile peinte refaite.' },
    },
    // Logistique
    {
      key: 'incidents', name: 'Incidents materiel', description: 'Casse, perte ou panne signalee par semaine (tous lieux).',
      unit: 'nb', decimals: 0, frequency: 'WEEKLY', direction: 'DOWN_IS_BETTER', target: null, thresholds: { kind: 'ABSOLUTE', green: 2, orange: 4 },
      aggregation: 'SUM', gracePeriodDays: 2, owner: 'antoine', source: 'MANUAL',
      curve: { base: 2, amplitude: 1, noise: 1.5, min: 0 }, placed: { 1: 6, 2: 4, 3: 5 }, notes: { 1: 'Deux pendrillons dechires au chargement, un moteur de perche HS.' },
    },
    {
      key: 'delai-decors', name: 'Delai de livraison decors', unit: 'jours', decimals: 1, frequency: 'MONTHLY', direction: 'DOWN_IS_BETTER', target: 5,
      thresholds: { kind: 'ABSOLUTE', green: 5, orange: 7 }, aggregation: 'AVERAGE', gracePeriodDays: 5, owner: 'antoine', source: 'MANUAL',
      curve: { base: 5, amplitude: 1.5, noise: 1, min: 1 }, placed: { 1: 6.5 },
    },
    {
      key: 'controles', name: 'Controles securite realises', description: 'Verifications periodiques (perches, harnais, extincteurs) faites / prevues.',
      unit: '%', decimals: 0, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 100, thresholds: { kind: 'PERCENT_OF_TARGET', green: 95, orange: 85 },
      aggregation: 'AVERAGE', gracePeriodDays: 0, owner: 'antoine', source: 'MANUAL',
      curve: { base: 96, amplitude: 3, noise: 4, max: 100 }, missing: [1], placed: { 2: 80 },
    },
    // Accueil
    {
      key: 'remplissage', name: 'Taux de remplissage des salles', unit: '%', decimals: 1, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 85,
      thresholds: PCT_UP, aggregation: 'AVERAGE', gracePeriodDays: 1, owner: 'alice', source: 'MANUAL',
      curve: { base: 87, amplitude: 8, noise: 4, max: 100 }, placed: { 1: 79.5, 2: 88.2 }, notes: { 1: 'Mardi et mercredi en dessous de 70 %.' },
    },
    {
      key: 'satisfaction', name: 'Satisfaction du public', unit: '/10', decimals: 1, frequency: 'MONTHLY', direction: 'UP_IS_BETTER', target: 8,
      thresholds: { kind: 'ABSOLUTE', green: 8, orange: 7 }, aggregation: 'AVERAGE', gracePeriodDays: 7, owner: 'alice', source: 'MANUAL',
      curve: { base: 8.3, amplitude: 0.3, noise: 0.3, max: 10 }, placed: { 2: 7.4 },
    },
    {
      key: 'attente', name: 'Attente en billetterie', unit: 'min', decimals: 0, frequency: 'WEEKLY', direction: 'DOWN_IS_BETTER', target: null,
      thresholds: { kind: 'ABSOLUTE', green: 10, orange: 15 }, aggregation: 'AVERAGE', gracePeriodDays: 1, owner: 'alice', source: 'MANUAL',
      curve: { base: 8, amplitude: 2, noise: 2, min: 2 }, placed: { 1: 17 },
    },
  ],
  dashboards: [
    {
      key: 'production', name: 'Production', process: 'Production', owner: 'marc', sharing: 'ORGANISATION',
      description: 'Le Songe et la saison : couverture, heures, cout. Les indicateurs automatiques se calculent depuis le planning et les pointages.',
      kpis: ['songe-couverture', 'songe-ecart', 'songe-heures', 'songe-masse', 'heures-sup', 'heures-nuit', 'retards', 'cout-horaire', 'budget'],
    },
    {
      key: 'logistique', name: 'Logistique', process: 'Logistique', owner: 'antoine', sharing: 'TEAMS', teams: ['plateau', 'lumiere'],
      description: 'Materiel, decors et securite, partage avec les equipes plateau et lumiere.',
      kpis: ['incidents', 'delai-decors', 'controles', 'retards'],
    },
    {
      key: 'accueil', name: 'Accueil', process: 'Accueil', owner: 'alice', sharing: 'ORGANISATION',
      description: 'Public, billetterie et satisfaction.',
      kpis: ['remplissage', 'satisfaction', 'attente'],
    },
  ],
  actions: [
    { kpi: 'incidents', title: 'Revoir la check-list de chargement du camion', description: 'Sangles et housses pour les pendrillons, photo du chargement avant depart.', owner: 'antoine', due: -4, progress: 40, status: 'IN_PROGRESS' },
    { kpi: 'incidents', title: 'Remplacer le moteur de perche 7', owner: 'antoine', due: 10, progress: 0, status: 'OPEN' },
    { kpi: 'controles', title: 'Former l\'equipe lumiere au controle des harnais', owner: 'theo', due: 14, progress: 20, status: 'IN_PROGRESS' },
    { kpi: 'remplissage', title: 'Offre etudiants pour les representations de semaine', description: 'Tarif 10 EUR le mardi et le mercredi, relais par les BDE de Lyon 2 et Lyon 3.', owner: 'alice', due: 21, progress: 10, status: 'OPEN' },
    { kpi: 'budget', title: 'Arbitrer le surcout decors avec la production', owner: 'alice', due: -20, progress: 100, status: 'DONE' },
    { kpi: 'attente', title: 'Ouvrir une deuxieme caisse les soirs de premiere', owner: 'alice', due: 3, progress: 0, status: 'OPEN' },
  ],
  comments: [
    { kpi: 'incidents', by: 'marc', body: 'Trois semaines dans le rouge : on en parle a la reunion technique de lundi.', day: -2 },
    { kpi: 'incidents', action: 0, by: 'marc', body: 'La check-list doit etre prete avant le depart pour Grenoble.', day: -1 },
    { kpi: 'remplissage', by: 'alice', body: 'La premiere etait complete ; le creux est en semaine.', day: -3 },
    { kpi: 'songe-couverture', by: 'marc', body: 'Il manque encore un machiniste pour le demontage de lundi.', day: 0 },
  ],
};

export const NUITS_BLANCHES_KPIS: KpiSeason = {
  slug: 'nuits-blanches',
  kpis: [
    {
      key: 'edition-couverture', name: 'Couverture des missions - Edition d\'hiver', unit: '%', decimals: 0, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 100,
      thresholds: { kind: 'PERCENT_OF_TARGET', green: 95, orange: 80 }, aggregation: 'AVERAGE', gracePeriodDays: 0, owner: 'rita', source: 'AUTOMATIC', metric: 'COVERAGE_RATE', project: 'edition',
    },
    {
      key: 'edition-nuit', name: 'Heures de nuit - Edition d\'hiver', unit: 'h', decimals: 1, frequency: 'WEEKLY', direction: 'DOWN_IS_BETTER', target: null,
      thresholds: { kind: 'ABSOLUTE', green: 60, orange: 90 }, aggregation: 'SUM', gracePeriodDays: 0, owner: 'rita', source: 'AUTOMATIC', metric: 'NIGHT_HOURS', project: 'edition',
    },
    {
      key: 'frequentation', name: 'Frequentation par soir', unit: 'nb', decimals: 0, frequency: 'WEEKLY', direction: 'UP_IS_BETTER', target: 2500,
      thresholds: PCT_UP, aggregation: 'AVERAGE', gracePeriodDays: 1, owner: 'rita', source: 'MANUAL',
      curve: { base: 2700, amplitude: 350, noise: 200, min: 300 }, placed: { 1: 2050 },
    },
  ],
  dashboards: [
    {
      key: 'festival', name: 'Festival', process: 'Exploitation', owner: 'rita', sharing: 'ORGANISATION', description: 'Le festival d\'hiver en un coup d\'oeil.',
      kpis: ['edition-couverture', 'edition-nuit', 'frequentation'],
    },
  ],
  actions: [{ kpi: 'frequentation', title: 'Navette de nuit vers le centre apres 1 h', owner: 'rita', due: 7, progress: 30, status: 'IN_PROGRESS' }],
  comments: [{ kpi: 'edition-nuit', by: 'rita', body: 'Penser aux repos compensateurs pour les equipes de la Scene Lune.', day: -1 }],
};

export const KPI_SEASONS: readonly KpiSeason[] = [GRAND_PLATEAU_KPIS, NUITS_BLANCHES_KPIS];
