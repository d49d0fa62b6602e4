/**
 * Invitation links as the crew receives them. The server signs tokens as `<id>.<expiry>.<signature>`; a path
 * whose last segment has a dot looks like a file to the static server, which answers 404 to a browser that has
 * not installed the app yet (no service worker). The shared link therefore writes the dots as '~' (never in a
 * token, unreserved in URLs), and the page turns them back before calling the API. Both forms open the page.
 */
export function shareableInvitationLink(link: string): string {
  const m = /^(.*\/m\/)([^/?#]+)$/.exec(link);
  return m ? `${m[1]}${m[2]!.replaceAll('.', '~')}` : link;
}

/** The API token of a link's path segment (either form). */
export function tokenFromPath(segment: string): string {
  return segment.replaceAll('~', '.');
}
