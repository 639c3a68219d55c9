/**
 * Avatars as `data:` URIs of a small SVG (initials on a coloured disc), so they show offline and need no base URL.
 */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0]?.[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1]?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase('vi');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function avatarDataUri(name: string, background: string): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120">' +
    `<circle cx="60" cy="60" r="60" fill="${escapeXml(background)}"/>` +
    '<text x="60" y="60" dy="0.35em" text-anchor="middle" font-family="sans-serif" font-size="48" fill="#ffffff">' +
    `${escapeXml(initialsOf(name))}</text></svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
