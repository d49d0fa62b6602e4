/** A maps search for an address (opens the person's map app or site). */
export function mapsHref(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}
