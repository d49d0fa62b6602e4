/** A URL-safe organisation slug from its name, accents dropped: "Le Grand Theatre!" -> "le-grand-theatre". */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'org';
}

/** The slug with a short random suffix, used when the plain slug is already taken. */
export function slugWithSuffix(name: string, random: () => number = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${slugify(name)}-${suffix}`;
}
