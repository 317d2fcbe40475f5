/**
 * Where to go after signing in: the `next` path if it stays inside the app, else the dashboard.
 * Only same-origin paths are followed, so a crafted link cannot send people elsewhere.
 */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return '/';
  }
  return next.startsWith('/login') ? '/' : next;
}
