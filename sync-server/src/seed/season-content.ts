import type { EMPLOYMENT_TYPES } from '@coulisses/shared/entities/org';
import type { RateProfileData } from '@coulisses/shared/payroll/rates';

/**
 * The demo season: what the two demo organisations hold (a touring theatre company and a night festival), in
 * plain data. season-plan.ts turns it into documents around the day the demo is created: `day` is a day offset
 * from the Monday of that week (-7 is last Monday, 7 next Monday), or 'today' / 'tomorrow'. Times are local
 * wall-clock times in the organisation's zone; an end at or before the start is on the next day.
 */

type Employment = (typeof EMPLOYMENT_TYPES)[number];
type MissionType = 'MONTAGE' | 'REPETITION' | 'SPECTACLE' | 'DEMONTAGE' | 'OTHER';

export interface SeasonVenue {
  key: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
  radiusM: number;
}

export interface SeasonPerson {
  key: string;
  first: string;
  last: string;
  type: Employment;
  skills: string[];
  teams: string[];
  /** The demo login account linked to this person. */
  account?: string;
  tags?: string[];
  notes?: string;
}

export interface SeasonProject {
  key: string;
  name: string;
  code: string;
  status: 'DRAFT' | 'ACTIVE';
  venues: string[];
  from: number;
  to: number;
  managers: string[];
  color: string;
  description: string;
}

export type SeasonDay = number | 'today' | 'tomorrow';

export interface SeasonMission {
  key: string;
  project: string | null;
  title: string;
  venue: string;
  day: SeasonDay;
  start: string;
  end: string;
  type: MissionType;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  needs: [role: string, count: number][];
  team?: string;
  notes?: string;
  contacts?: string;
  /** Staff every need in full (past missions are always fully staffed); otherwise some needs keep a gap. */
  full?: boolean;
}

/** An assignment the season wants as such (placed before the generated ones, conflicts allowed). */
export interface SeasonAssignment {
  person: string;
  mission: string;
  role: string;
  status: 'INVITED' | 'ACCEPTED' | 'DECLINED' | 'CANCELLED';
  reason?: string;
}

export interface SeasonAvailability {
  person: string;
  kind: 'AVAILABLE' | 'UNAVAILABLE';
  day: number;
  start: string;
  /** Days after `day` the window ends (0: the same day). */
  days: number;
  end: string;
  status: 'PENDING' | 'APPROVED';
  note: string;
}

export interface SeasonRate {
  name: string;
  data: RateProfileData;
}

export interface OrgSeason {
  slug: string;
  venues: SeasonVenue[];
  teams: { key: string; name: string }[];
  skills: { key: string; name: string; code: string }[];
  /** The skill each role of a need asks for. */
  roles: Record<string, string>;
  people: SeasonPerson[];
  projects: SeasonProject[];
  missions: SeasonMission[];
  assignments: SeasonAssignment[];
  availabilities: SeasonAvailability[];
  rates: SeasonRate[];
  /** Kiosk PINs set for these people. */
  pins: { person: string; pin: string }[];
  /** The kiosk enrolled at this venue (its punches of last week, and ready to use). */
  kiosk: { venue: string; name: string };
  /** The person who forgets to clock out once (a MISSING_OUT anomaly to look at). */
  forgetsOut: string;
  /** The crew member with an account who disputes one of last week's timesheets, and why. */
  dispute: { person: string; comment: string };
}

/** The PIN of tech@'s person at the demo kiosk (README.md). */
export const DEMO_KIOSK_PIN = '2580';

const GP_ROLES = {
  'Regisseur general': 'regie_generale',
  'Regie lumiere': 'regie_lumiere',
  'Regie son': 'regie_son',
  Machiniste: 'machinerie',
  Habilleuse: 'habillage',
  Accueil: 'accueil',
};

export const GRAND_PLATEAU: OrgSeason = {
  slug: 'grand-plateau',
  venues: [
    { key: 'plateau', name: 'Theatre du Grand Plateau', address: '8 rue des Remparts-d\'Ainay, 69002 Lyon', lat: 45.7536, lng: 4.8282, radiusM: 150 },
    { key: 'atelier', name: 'Atelier decors de Vaise', address: '41 quai du Commerce, 69009 Lyon', lat: 45.7792, lng: 4.8047, radiusM: 200 },
    { key: 'quais', name: 'Theatre des Quais', address: '3 quai Stephane-Jay, 38000 Grenoble', lat: 45.1931, lng: 5.7262, radiusM: 150 },
    { key: 'vilar', name: 'Espace Jean-Vilar', address: '12 avenue de Chevene, 74000 Annecy', lat: 45.9049, lng: 6.1198, radiusM: 150 },
  ],
  teams: [
    { key: 'direction', name: 'Direction technique' },
    { key: 'plateau', name: 'Plateau' },
    { key: 'lumiere', name: 'Lumiere' },
    { key: 'son', name: 'Son' },
    { key: 'costumes', name: 'Costumes' },
    { key: 'accueil', name: 'Accueil' },
  ],
  skills: [
    { key: 'regie_generale', name: 'Regie generale', code: 'RG' },
    { key: 'regie_lumiere', name: 'Regie lumiere', code: 'LUM' },
    { key: 'regie_son', name: 'Regie son', code: 'SON' },
    { key: 'machinerie', name: 'Machinerie', code: 'MACH' },
    { key: 'habillage', name: 'Habillage', code: 'HAB' },
    { key: 'accueil', name: 'Accueil du public', code: 'ACC' },
    { key: 'cariste', name: 'Cariste (CACES 3)', code: 'CACES' },
    { key: 'hauteur', name: 'Travail en hauteur', code: 'HAUT' },
    { key: 'ssiap', name: 'SSIAP 1', code: 'SSIAP' },
    { key: 'video', name: 'Video', code: 'VID' },
  ],
  roles: GP_ROLES,
  people: [
    { key: 'alice', first: 'Alice', last: 'Garnier', type: 'CDI', skills: [], teams: ['direction'], account: 'admin@coulisses.demo', tags: ['direction'] },
    { key: 'marc', first: 'Marc', last: 'Lefebvre', type: 'CDI', skills: ['regie_generale', 'hauteur'], teams: ['direction', 'plateau'], account: 'manager@coulisses.demo', tags: ['directeur technique'] },
    { key: 'theo', first: 'Theo', last: 'Marchand', type: 'INTERMITTENT', skills: ['regie_lumiere', 'hauteur', 'video'], teams: ['lumiere'], account: 'tech@coulisses.demo', tags: ['permis B'] },
    { key: 'antoine', first: 'Antoine', last: 'Robin', type: 'CDI', skills: ['regie_generale', 'machinerie'], teams: ['plateau'], tags: ['regisseur plateau'] },
    { key: 'camille', first: 'Camille', last: 'Roux', type: 'INTERMITTENT', skills: ['regie_lumiere', 'hauteur'], teams: ['lumiere'] },
    { key: 'karim', first: 'Karim', last: 'Mansouri', type: 'INTERMITTENT', skills: ['regie_lumiere'], teams: ['lumiere'] },
    { key: 'lucas', first: 'Lucas', last: 'Bernard', type: 'INTERMITTENT', skills: ['regie_son'], teams: ['son'] },
    { key: 'ines', first: 'Ines', last: 'Haddad', type: 'INTERMITTENT', skills: ['regie_son', 'video'], teams: ['son'] },
    { key: 'pauline', first: 'Pauline', last: 'Faure', type: 'FREELANCE', skills: ['regie_son'], teams: ['son'] },
    { key: 'julien', first: 'Julien', last: 'Petit', type: 'CDD', skills: ['machinerie', 'cariste'], teams: ['plateau'] },
    { key: 'sarah', first: 'Sarah', last: 'Lemoine', type: 'INTERMITTENT', skills: ['machinerie', 'hauteur'], teams: ['plateau'] },
    { key: 'hugo', first: 'Hugo', last: 'Fontaine', type: 'INTERMITTENT', skills: ['machinerie'], teams: ['plateau'] },
    { key: 'manon', first: 'Manon', last: 'Girard', type: 'INTERMITTENT', skills: ['machinerie', 'cariste'], teams: ['plateau'] },
    { key: 'yanis', first: 'Yanis', last: 'Benali', type: 'FREELANCE', skills: ['machinerie', 'hauteur'], teams: ['plateau'] },
    { key: 'victor', first: 'Victor', last: 'Lambert', type: 'INTERMITTENT', skills: ['machinerie'], teams: ['plateau'] },
    { key: 'sophie', first: 'Sophie', last: 'Morel', type: 'CDI', skills: ['habillage'], teams: ['costumes'], tags: ['cheffe costumiere'] },
    { key: 'lea', first: 'Lea', last: 'Dubois', type: 'CDD', skills: ['habillage'], teams: ['costumes'] },
    { key: 'chloe', first: 'Chloe', last: 'Mercier', type: 'INTERMITTENT', skills: ['habillage'], teams: ['costumes'] },
    { key: 'nora', first: 'Nora', last: 'Chevalier', type: 'CDD', skills: ['accueil', 'ssiap'], teams: ['accueil'] },
    { key: 'emma', first: 'Emma', last: 'Laurent', type: 'CDD', skills: ['accueil'], teams: ['accueil'] },
  ],
  projects: [
    {
      key: 'songe', name: 'Le Songe d\'une nuit d\'ete', code: 'SONGE', status: 'ACTIVE', venues: ['plateau'], from: -7, to: 7, managers: ['marc'], color: '#6d28d9',
      description: 'Creation maison : montage la semaine derniere, premiere vendredi, representations jusqu\'a dimanche, demontage lundi prochain.',
    },
    {
      key: 'fourberies', name: 'Tournee Les Fourberies de Scapin', code: 'FOURB', status: 'ACTIVE', venues: ['atelier', 'quais', 'vilar'], from: 3, to: 12, managers: ['marc', 'antoine'], color: '#0f766e',
      description: 'Reprise en tournee : Grenoble mardi et mercredi prochains, Annecy vendredi et samedi.',
    },
    {
      key: 'cabaret', name: 'Cabaret des Illusions (creation 2027)', code: 'CABARET', status: 'DRAFT', venues: ['atelier'], from: 7, to: 13, managers: ['marc'], color: '#b45309',
      description: 'Projet en preparation : premieres seances de travail a l\'atelier.',
    },
  ],
  missions: [
    // Last week: the build and the first nights of Le Songe (all punched, timesheets from the kiosk).
    { key: 'songe-montage-1', project: 'songe', title: 'Songe - Montage decor', venue: 'plateau', day: -7, start: '09:00', end: '18:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 4], ['Regie lumiere', 1]], notes: 'Chaussures de securite et gants. Dechargement du semi a 9 h.' },
    { key: 'songe-montage-2', project: 'songe', title: 'Songe - Montage lumiere et son', venue: 'plateau', day: -6, start: '09:00', end: '18:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie lumiere', 2], ['Regie son', 1], ['Machiniste', 2]] },
    { key: 'songe-filage', project: 'songe', title: 'Songe - Filage technique', venue: 'plateau', day: -4, start: '13:00', end: '21:00', type: 'REPETITION', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 2]] },
    { key: 'songe-premiere', project: 'songe', title: 'Songe - Premiere', venue: 'plateau', day: -3, start: '17:00', end: '23:30', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 2], ['Accueil', 2]], contacts: 'Regie generale : Marc Lefebvre, 06 39 98 00 02' },
    { key: 'songe-rep-lw', project: 'songe', title: 'Songe - Representation', venue: 'plateau', day: -2, start: '17:00', end: '23:30', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 1], ['Accueil', 2]] },
    // This week: maintenance, the run of Le Songe, the tour's preparation, a cancelled visit.
    { key: 'songe-entretien', project: 'songe', title: 'Songe - Entretien du decor', venue: 'plateau', day: 0, start: '10:00', end: '16:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Machiniste', 2]] },
    { key: 'songe-rep-2', project: 'songe', title: 'Songe - Representation', venue: 'plateau', day: 2, start: '18:00', end: '23:30', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 2], ['Accueil', 2]] },
    { key: 'songe-rep-4', project: 'songe', title: 'Songe - Representation', venue: 'plateau', day: 4, start: '18:00', end: '23:30', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 2], ['Accueil', 2]] },
    { key: 'songe-rep-5', project: 'songe', title: 'Songe - Representation', venue: 'plateau', day: 5, start: '18:00', end: '23:30', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Machiniste', 3], ['Habilleuse', 2], ['Accueil', 2]] },
    { key: 'songe-matinee', project: 'songe', title: 'Songe - Matinee', venue: 'plateau', day: 6, start: '13:00', end: '19:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 1], ['Accueil', 2]] },
    { key: 'visite-lycee', project: null, title: 'Visite technique - lycee Ampere', venue: 'plateau', day: 2, start: '10:00', end: '12:00', type: 'OTHER', status: 'CANCELLED', needs: [['Regisseur general', 1], ['Machiniste', 1]], notes: 'Annulee par le lycee (greve des transports).' },
    { key: 'fourb-chargement', project: 'fourberies', title: 'Fourberies - Chargement du camion', venue: 'atelier', day: 3, start: '08:00', end: '12:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Machiniste', 3]], notes: 'Chariot elevateur : CACES obligatoire.' },
    // tech@'s own days: the light service today, the tour's light preparation tomorrow (to answer).
    { key: 'songe-service-lumiere', project: 'songe', title: 'Songe - Service lumiere et conduite', venue: 'plateau', day: 'today', start: '14:00', end: '23:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regie lumiere', 2]], notes: 'Raccords des projecteurs puis conduite lumiere.', contacts: 'Regie generale : Marc Lefebvre, 06 39 98 00 02' },
    { key: 'fourb-prepa-lumiere', project: 'fourberies', title: 'Fourberies - Preparation lumiere', venue: 'atelier', day: 'tomorrow', start: '11:00', end: '19:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regie lumiere', 1], ['Machiniste', 1]], notes: 'Test des gradateurs et recablage des PAR avant la tournee.' },
    // Next week: the get-out of Le Songe, the tour (Annecy still in draft), the cabaret's first sessions.
    { key: 'songe-demontage', project: 'songe', title: 'Songe - Demontage', venue: 'plateau', day: 7, start: '09:00', end: '17:00', type: 'DEMONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 4], ['Regie lumiere', 2], ['Regie son', 1]] },
    { key: 'fourb-montage-gre', project: 'fourberies', title: 'Fourberies - Montage Grenoble', venue: 'quais', day: 8, start: '09:00', end: '18:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 3], ['Regie lumiere', 1], ['Regie son', 1]], contacts: 'Accueil technique du theatre : 06 39 98 00 40' },
    { key: 'fourb-rep-gre', project: 'fourberies', title: 'Fourberies - Representation Grenoble', venue: 'quais', day: 9, start: '18:30', end: '23:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 1]] },
    { key: 'fourb-montage-ann', project: 'fourberies', title: 'Fourberies - Montage Annecy', venue: 'vilar', day: 11, start: '09:00', end: '17:00', type: 'MONTAGE', status: 'DRAFT', needs: [['Regisseur general', 1], ['Machiniste', 3], ['Regie lumiere', 1], ['Regie son', 1]] },
    { key: 'fourb-rep-ann', project: 'fourberies', title: 'Fourberies - Representation Annecy', venue: 'vilar', day: 12, start: '18:30', end: '23:00', type: 'SPECTACLE', status: 'DRAFT', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1], ['Machiniste', 2], ['Habilleuse', 1]] },
    { key: 'cabaret-maquette', project: 'cabaret', title: 'Cabaret - Atelier maquette', venue: 'atelier', day: 10, start: '10:00', end: '17:00', type: 'REPETITION', status: 'DRAFT', needs: [['Machiniste', 2], ['Habilleuse', 1]] },
    { key: 'cabaret-reunion', project: 'cabaret', title: 'Cabaret - Reunion de production', venue: 'atelier', day: 7, start: '14:00', end: '16:00', type: 'OTHER', status: 'DRAFT', needs: [['Machiniste', 1]] },
  ],
  assignments: [
    { person: 'theo', mission: 'songe-montage-1', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-montage-2', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-filage', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-premiere', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-rep-lw', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-service-lumiere', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'fourb-prepa-lumiere', role: 'Regie lumiere', status: 'INVITED' },
    { person: 'theo', mission: 'fourb-montage-gre', role: 'Regie lumiere', status: 'INVITED' },
    { person: 'theo', mission: 'fourb-rep-gre', role: 'Regie lumiere', status: 'ACCEPTED' },
    { person: 'theo', mission: 'songe-demontage', role: 'Regie lumiere', status: 'DECLINED', reason: 'Deja engage sur un tournage ce jour-la, desole.' },
    { person: 'marc', mission: 'songe-montage-1', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'marc', mission: 'songe-premiere', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'marc', mission: 'songe-demontage', role: 'Regisseur general', status: 'ACCEPTED' },
    // Deliberate planning conflicts for the Conflicts view: Hugo on two missions at once, Sarah on leave.
    { person: 'hugo', mission: 'songe-demontage', role: 'Machiniste', status: 'ACCEPTED' },
    { person: 'hugo', mission: 'cabaret-reunion', role: 'Machiniste', status: 'INVITED' },
    { person: 'sarah', mission: 'fourb-rep-gre', role: 'Machiniste', status: 'INVITED' },
    // The cancelled visit had been staffed; a manager withdrew one person from the tour's montage.
    { person: 'antoine', mission: 'visite-lycee', role: 'Regisseur general', status: 'CANCELLED' },
    { person: 'julien', mission: 'visite-lycee', role: 'Machiniste', status: 'CANCELLED' },
    { person: 'victor', mission: 'fourb-montage-gre', role: 'Machiniste', status: 'CANCELLED' },
    { person: 'yanis', mission: 'fourb-montage-gre', role: 'Machiniste', status: 'DECLINED', reason: 'Indisponible : autre contrat a Lyon.' },
  ],
  availabilities: [
    { person: 'theo', kind: 'UNAVAILABLE', day: 12, start: '00:00', days: 1, end: '00:00', status: 'PENDING', note: 'Mariage de ma soeur' },
    { person: 'sarah', kind: 'UNAVAILABLE', day: 9, start: '00:00', days: 1, end: '00:00', status: 'APPROVED', note: 'Conges' },
    { person: 'camille', kind: 'AVAILABLE', day: 7, start: '08:00', days: 4, end: '20:00', status: 'APPROVED', note: 'Disponible pour la tournee' },
    { person: 'pauline', kind: 'UNAVAILABLE', day: 3, start: '00:00', days: 2, end: '00:00', status: 'APPROVED', note: 'Formation console' },
  ],
  rates: [
    { name: 'Taux horaire de base', data: { mode: 'HOURLY', amountCents: 1600, appliesTo: { kind: 'ORG', id: null } } },
    { name: 'Cachet technicien intermittent', data: { mode: 'CACHET', amountCents: 16500, appliesTo: { kind: 'ORG', id: null }, contractType: 'INTERMITTENT' } },
    { name: 'Regisseur general (horaire)', data: { mode: 'HOURLY', amountCents: 2600, appliesTo: { kind: 'ROLE', id: 'Regisseur general' } } },
    { name: 'Regie lumiere (horaire)', data: { mode: 'HOURLY', amountCents: 2100, appliesTo: { kind: 'ROLE', id: 'Regie lumiere' } } },
    { name: 'Regie son (horaire)', data: { mode: 'HOURLY', amountCents: 2100, appliesTo: { kind: 'ROLE', id: 'Regie son' } } },
    { name: 'Habillage (horaire)', data: { mode: 'HOURLY', amountCents: 1750, appliesTo: { kind: 'ROLE', id: 'Habilleuse' } } },
  ],
  pins: [
    { person: 'theo', pin: DEMO_KIOSK_PIN },
    { person: 'camille', pin: '1357' },
    { person: 'julien', pin: '2468' },
    { person: 'sophie', pin: '1470' },
  ],
  kiosk: { venue: 'plateau', name: 'Tablette entree des artistes' },
  forgetsOut: 'manon',
  dispute: { person: 'theo', comment: 'Je suis reste 30 minutes apres le salut pour ranger les projecteurs : sortie a minuit.' },
};

export const NUITS_BLANCHES: OrgSeason = {
  slug: 'nuits-blanches',
  venues: [
    { key: 'lune', name: 'Scene Lune - Parc des Berges', address: 'Parc des Berges, quai de la Fosse, 44000 Nantes', lat: 47.2108, lng: -1.5676, radiusM: 250 },
    { key: 'etoile', name: 'Scene Etoile - Ile de Nantes', address: 'Boulevard Leon-Bureau, 44200 Nantes', lat: 47.2066, lng: -1.5641, radiusM: 250 },
    { key: 'chapiteau', name: 'Chapiteau des Nuits', address: 'Prairie au Duc, 44200 Nantes', lat: 47.2039, lng: -1.5598, radiusM: 120 },
    { key: 'village', name: 'Village du festival - accueil', address: 'Place de la Petite-Hollande, 44000 Nantes', lat: 47.2121, lng: -1.5601, radiusM: 100 },
  ],
  teams: [
    { key: 'regie', name: 'Regie generale' },
    { key: 'son', name: 'Son' },
    { key: 'lumiere', name: 'Lumiere' },
    { key: 'plateau', name: 'Plateau et structures' },
    { key: 'accueil', name: 'Accueil et billetterie' },
    { key: 'securite', name: 'Securite' },
  ],
  skills: [
    { key: 'regie_generale', name: 'Regie generale', code: 'RG' },
    { key: 'regie_son', name: 'Regie son (facade et retours)', code: 'SON' },
    { key: 'regie_lumiere', name: 'Regie lumiere', code: 'LUM' },
    { key: 'machinerie', name: 'Rigging et structures', code: 'RIG' },
    { key: 'accueil', name: 'Accueil et billetterie', code: 'ACC' },
    { key: 'ssiap', name: 'SSIAP 1', code: 'SSIAP' },
    { key: 'cariste', name: 'Cariste (CACES 3)', code: 'CACES' },
    { key: 'hauteur', name: 'Travail en hauteur', code: 'HAUT' },
  ],
  roles: {
    'Regisseur general': 'regie_generale',
    'Regie son': 'regie_son',
    'Regie lumiere': 'regie_lumiere',
    Machiniste: 'machinerie',
    Accueil: 'accueil',
    'Agent SSIAP': 'ssiap',
  },
  people: [
    { key: 'rita', first: 'Rita', last: 'Moreau', type: 'CDI', skills: ['regie_generale', 'ssiap'], teams: ['regie'], account: 'regie@nuits-blanches.demo', tags: ['directrice technique'] },
    { key: 'alice', first: 'Alice', last: 'Garnier', type: 'CDI', skills: [], teams: ['regie'], account: 'admin@coulisses.demo', tags: ['administration'] },
    { key: 'adele', first: 'Adele', last: 'Picard', type: 'INTERMITTENT', skills: ['regie_generale'], teams: ['regie'] },
    { key: 'baptiste', first: 'Baptiste', last: 'Gauthier', type: 'INTERMITTENT', skills: ['regie_son'], teams: ['son'] },
    { key: 'margaux', first: 'Margaux', last: 'Perrin', type: 'INTERMITTENT', skills: ['regie_son'], teams: ['son'] },
    { key: 'samuel', first: 'Samuel', last: 'Blanc', type: 'INTERMITTENT', skills: ['regie_lumiere'], teams: ['lumiere'] },
    { key: 'jeanne', first: 'Jeanne', last: 'Rousseau', type: 'INTERMITTENT', skills: ['regie_lumiere', 'hauteur'], teams: ['lumiere'] },
    { key: 'nathan', first: 'Nathan', last: 'Lucas', type: 'INTERMITTENT', skills: ['regie_lumiere'], teams: ['lumiere'] },
    { key: 'mehdi', first: 'Mehdi', last: 'Cherif', type: 'INTERMITTENT', skills: ['machinerie', 'cariste'], teams: ['plateau'] },
    { key: 'clara', first: 'Clara', last: 'Fournier', type: 'CDD', skills: ['machinerie'], teams: ['plateau'] },
    { key: 'tom', first: 'Tom', last: 'Guerin', type: 'FREELANCE', skills: ['machinerie', 'hauteur'], teams: ['plateau'] },
    { key: 'louis', first: 'Louis', last: 'Andre', type: 'INTERMITTENT', skills: ['machinerie'], teams: ['plateau'] },
    { key: 'lina', first: 'Lina', last: 'Bouvier', type: 'CDD', skills: ['accueil'], teams: ['accueil'] },
    { key: 'oscar', first: 'Oscar', last: 'Muller', type: 'CDD', skills: ['accueil'], teams: ['accueil'] },
    { key: 'zoe', first: 'Zoe', last: 'Henry', type: 'CDD', skills: ['accueil'], teams: ['accueil'] },
    { key: 'amandine', first: 'Amandine', last: 'Colin', type: 'CDD', skills: ['accueil'], teams: ['accueil'] },
    { key: 'fatou', first: 'Fatou', last: 'Diallo', type: 'CDD', skills: ['ssiap', 'accueil'], teams: ['securite'] },
    { key: 'gabriel', first: 'Gabriel', last: 'Roussel', type: 'FREELANCE', skills: ['ssiap'], teams: ['securite'] },
  ],
  projects: [
    {
      key: 'edition', name: 'Nuits Blanches - edition d\'hiver', code: 'NB-HIVER', status: 'ACTIVE', venues: ['lune', 'etoile', 'chapiteau', 'village'], from: -7, to: 9, managers: ['rita'], color: '#1d4ed8',
      description: 'Trois scenes en plein air et un chapiteau, concerts de 21 h a 3 h du matin.',
    },
    {
      key: 'parcours', name: 'Parcours nocturne des Berges', code: 'PARCOURS', status: 'DRAFT', venues: ['village'], from: 10, to: 12, managers: ['rita'], color: '#be185d',
      description: 'Balade sonore et lumineuse le long de la Loire, en preparation.',
    },
  ],
  missions: [
    { key: 'montage-lune', project: 'edition', title: 'Montage Scene Lune', venue: 'lune', day: -7, start: '08:00', end: '17:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 4], ['Regie lumiere', 1]], notes: 'Grue a 8 h. Casque et harnais obligatoires.' },
    { key: 'montage-etoile', project: 'edition', title: 'Montage Scene Etoile', venue: 'etoile', day: -6, start: '08:00', end: '17:00', type: 'MONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 3], ['Regie son', 1]] },
    { key: 'balances-lune', project: 'edition', title: 'Balances Scene Lune', venue: 'lune', day: -4, start: '14:00', end: '20:00', type: 'REPETITION', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 2], ['Regie lumiere', 1]] },
    { key: 'ouverture-lune', project: 'edition', title: 'Nuit d\'ouverture - Scene Lune', venue: 'lune', day: -3, start: '20:00', end: '02:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 2], ['Regie lumiere', 2], ['Machiniste', 2], ['Agent SSIAP', 2]], contacts: 'Regie generale : Rita Moreau, 06 39 98 00 11' },
    { key: 'accueil-ouverture', project: 'edition', title: 'Accueil public - nuit d\'ouverture', venue: 'lune', day: -3, start: '19:00', end: '01:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Accueil', 3]] },
    { key: 'nuit-etoile-lw', project: 'edition', title: 'Nuit electro - Scene Etoile', venue: 'etoile', day: -2, start: '21:00', end: '03:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Regie lumiere', 1], ['Agent SSIAP', 1]] },
    { key: 'maintenance', project: 'edition', title: 'Maintenance technique des scenes', venue: 'lune', day: 1, start: '10:00', end: '16:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Machiniste', 2], ['Regie lumiere', 1]] },
    { key: 'nuit-lune-jeu', project: 'edition', title: 'Nuit - Scene Lune', venue: 'lune', day: 3, start: '21:00', end: '03:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 2], ['Regie lumiere', 1], ['Machiniste', 2], ['Agent SSIAP', 2]] },
    { key: 'nuit-lune-ven', project: 'edition', title: 'Nuit - Scene Lune', venue: 'lune', day: 4, start: '21:00', end: '03:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 2], ['Regie lumiere', 1], ['Machiniste', 2], ['Agent SSIAP', 2]] },
    { key: 'chapiteau-ven', project: 'edition', title: 'Cabaret de minuit - Chapiteau', venue: 'chapiteau', day: 4, start: '22:00', end: '02:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regie son', 1], ['Regie lumiere', 1], ['Accueil', 2]] },
    { key: 'accueil-ven', project: 'edition', title: 'Accueil public - Village', venue: 'village', day: 4, start: '20:00', end: '01:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Accueil', 3], ['Agent SSIAP', 1]] },
    { key: 'nuit-etoile-sam', project: 'edition', title: 'Nuit electro - Scene Etoile', venue: 'etoile', day: 5, start: '21:00', end: '03:00', type: 'SPECTACLE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Regie son', 1], ['Regie lumiere', 2], ['Agent SSIAP', 1]] },
    { key: 'accueil-sam', project: 'edition', title: 'Accueil public - Village', venue: 'village', day: 5, start: '20:00', end: '01:00', type: 'OTHER', status: 'PUBLISHED', needs: [['Accueil', 4], ['Agent SSIAP', 1]] },
    { key: 'demontage-lune', project: 'edition', title: 'Demontage Scene Lune', venue: 'lune', day: 7, start: '09:00', end: '17:00', type: 'DEMONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 4], ['Regie lumiere', 1], ['Regie son', 1]] },
    { key: 'demontage-etoile', project: 'edition', title: 'Demontage Scene Etoile', venue: 'etoile', day: 8, start: '09:00', end: '17:00', type: 'DEMONTAGE', status: 'PUBLISHED', needs: [['Regisseur general', 1], ['Machiniste', 3], ['Regie son', 1]] },
    { key: 'demontage-chapiteau', project: 'edition', title: 'Demontage Chapiteau', venue: 'chapiteau', day: 9, start: '09:00', end: '15:00', type: 'DEMONTAGE', status: 'DRAFT', needs: [['Machiniste', 3]] },
    { key: 'parcours-reperage', project: 'parcours', title: 'Reperage du parcours nocturne', venue: 'village', day: 11, start: '18:00', end: '23:00', type: 'OTHER', status: 'DRAFT', needs: [['Regisseur general', 1], ['Regie lumiere', 1], ['Regie son', 1]] },
  ],
  assignments: [
    { person: 'rita', mission: 'montage-lune', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'rita', mission: 'ouverture-lune', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'rita', mission: 'nuit-lune-ven', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'rita', mission: 'demontage-lune', role: 'Regisseur general', status: 'ACCEPTED' },
    { person: 'tom', mission: 'demontage-etoile', role: 'Machiniste', status: 'DECLINED', reason: 'Blessure au poignet, arret jusqu\'a la fin du mois.' },
    { person: 'louis', mission: 'demontage-lune', role: 'Machiniste', status: 'CANCELLED' },
  ],
  availabilities: [
    { person: 'margaux', kind: 'UNAVAILABLE', day: 5, start: '00:00', days: 1, end: '00:00', status: 'PENDING', note: 'Concert avec mon groupe' },
    { person: 'jeanne', kind: 'AVAILABLE', day: 3, start: '18:00', days: 3, end: '06:00', status: 'APPROVED', note: 'Dispo les nuits du week-end' },
  ],
  rates: [
    { name: 'Taux horaire de base', data: { mode: 'HOURLY', amountCents: 1550, appliesTo: { kind: 'ORG', id: null } } },
    { name: 'Cachet de nuit (intermittents)', data: { mode: 'CACHET', amountCents: 18000, appliesTo: { kind: 'ORG', id: null }, contractType: 'INTERMITTENT' } },
    { name: 'Regisseur general (horaire)', data: { mode: 'HOURLY', amountCents: 2500, appliesTo: { kind: 'ROLE', id: 'Regisseur general' } } },
    { name: 'Agent SSIAP (forfait soiree)', data: { mode: 'FLAT', amountCents: 12000, appliesTo: { kind: 'ROLE', id: 'Agent SSIAP' } } },
  ],
  pins: [
    { person: 'rita', pin: '2580' },
    { person: 'mehdi', pin: '1357' },
    { person: 'lina', pin: '2468' },
  ],
  kiosk: { venue: 'lune', name: 'Borne Scene Lune' },
  forgetsOut: 'clara',
  dispute: { person: 'rita', comment: 'Fin reelle a 3 h 30 : rangement des retours apres le dernier set.' },
};

export const SEASONS: readonly OrgSeason[] = [GRAND_PLATEAU, NUITS_BLANCHES];
