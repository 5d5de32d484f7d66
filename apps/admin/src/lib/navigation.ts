/** Where the console opens after signing in: every role's to-do list, which no role is refused. */
export const homePath = '/workbench';

/** Only paths inside the console: a crafted `?next=https://…` or `?next=//host` must not lead elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return homePath;
  if (next === '/login' || next.startsWith('/login?') || next.startsWith('/change-password')) return homePath;
  return next;
}
