/**
 * Deterministic, realistic `missions` documents (valid for the registry's zod schema), generated the same way
 * in Node (to seed the server) and in the browser (for the baselines), so both sides hold identical data.
 * No I/O, no DOM, no Node API: this module is bundled into the browser bench page too.
 */
import { mulberry32 } from '@coulisses/shared';

export interface MissionDoc {
  id: string;
  updatedAt: string;
  projectId: string | null;
  title: string;
  venueId: string | null;
  startAt: string;
  endAt: string;
  type: 'MONTAGE' | 'REPETITION' | 'SPECTACLE' | 'DEMONTAGE' | 'OTHER';
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  needs: { role: string; count: number; skills: string[] }[];
  notes?: string;
  contacts?: string;
  teamId: string | null;
  [key: string]: unknown;
}

/** The seeded generator of the data sets (mulberry32, the same sequence everywhere). */
export const prng = mulberry32;

const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0').slice(-width);

/** A UUIDv7-shaped id: the given millisecond time, then bits from the PRNG (deterministic). */
export function idAt(ms: number, rand: () => number): string {
  const t = hex(ms, 12);
  const r = () => hex(rand() * 0x10000, 4);
  const variant = hex(0x8000 | (rand() * 0x3fff), 4);
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

const TYPES = ['MONTAGE', 'REPETITION', 'SPECTACLE', 'DEMONTAGE', 'OTHER'] as const;
const TYPE_LABEL: Record<MissionDoc['type'], string> = {
  MONTAGE: 'Montage',
  REPETITION: 'Repetition',
  SPECTACLE: 'Representation',
  DEMONTAGE: 'Demontage',
  OTHER: 'Renfort',
};
const SHOWS = ['Le Misanthrope', 'Nuit des Etoiles', 'Carmen en plein air', 'Cabaret Lune', 'Festival Jazz Quai', 'Les Fourberies', 'Bal Masque', 'Cirque Volant', 'Concert Symphonique', 'Rencontres Danse'];
const VENUE_NAMES = ['Grande Salle', 'Salle Moliere', 'Chapiteau Nord', 'Theatre de Verdure', 'Studio B', 'Cour Carree'];
const ROLES = ['Regisseur general', 'Regisseur lumiere', 'Regisseur son', 'Machiniste', 'Cintrier', 'Accessoiriste', 'Habilleuse', 'Electricien', 'Technicien video', 'Agent de securite'];
const NOTES = [
  'Acces par le quai de dechargement, badge a retirer a l accueil artistes.',
  'Prevoir chaussures de securite et gants; pont a monter avant 10h.',
  'Balances son a 16h, filage complet a 18h, ouverture des portes a 20h.',
  'Repas pris en charge par la production, loge 3 reservee a l equipe technique.',
  'Demontage immediat apres la representation, camion au depart a 2h.',
];

const BASE_MS = Date.UTC(2026, 0, 5, 8, 0, 0);

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

/** Small fixed pools of foreign keys (projects, venues, teams, skills), like a real organisation's. */
function pool(seed: number, n: number): string[] {
  const rand = prng(seed);
  return Array.from({ length: n }, (_, i) => idAt(BASE_MS - 90 * 86_400_000 + i * 60_000, rand));
}
const PROJECT_IDS = pool(11, 40);
const VENUE_IDS = pool(12, VENUE_NAMES.length);
const TEAM_IDS = pool(13, 6);
const SKILL_IDS = pool(14, 25);

/** The i-th mission of the data set `seed` (seed changes every id and value). */
export function missionDoc(i: number, seed = 1): MissionDoc {
  const rand = prng(seed * 1_000_003 + i);
  const type = pick(rand, TYPES);
  const venue = Math.floor(rand() * VENUE_NAMES.length);
  const startMs = BASE_MS + Math.floor(rand() * 365) * 86_400_000 + Math.floor(rand() * 28) * 1_800_000;
  const endMs = startMs + (2 + Math.floor(rand() * 9)) * 3_600_000;
  const statusRoll = rand();
  const needs = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => ({
    role: pick(rand, ROLES),
    count: 1 + Math.floor(rand() * 6),
    skills: Array.from({ length: Math.floor(rand() * 3) }, () => pick(rand, SKILL_IDS)),
  }));
  const doc: MissionDoc = {
    id: idAt(BASE_MS + seed * 100_000_000_000 + i * 1000, rand),
    updatedAt: new Date(BASE_MS - 86_400_000 + i * 10).toISOString(),
    projectId: rand() < 0.9 ? pick(rand, PROJECT_IDS) : null,
    title: `${TYPE_LABEL[type]} - ${pick(rand, SHOWS)} - ${VENUE_NAMES[venue]}`,
    venueId: rand() < 0.95 ? (VENUE_IDS[venue] ?? null) : null,
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(endMs).toISOString(),
    type,
    status: statusRoll < 0.6 ? 'PUBLISHED' : statusRoll < 0.9 ? 'DRAFT' : 'CANCELLED',
    needs,
    teamId: rand() < 0.7 ? pick(rand, TEAM_IDS) : null,
  };
  if (rand() < 0.5) doc.notes = `${pick(rand, NOTES)} ${pick(rand, NOTES)}`;
  if (rand() < 0.3) doc.contacts = `Regie: ${pick(rand, ['Claire', 'Paul', 'Ines', 'Yann'])} 06 ${hex(rand() * 0xffffff, 6)}`;
  return doc;
}

/** `count` missions starting at index `from`. */
export function missionDocs(count: number, seed = 1, from = 0): MissionDoc[] {
  return Array.from({ length: count }, (_, k) => missionDoc(from + k, seed));
}
