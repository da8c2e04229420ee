// Where a signed-out visitor goes back to after signing in. proxy.ts hands each page request's
// path to the server render in PATH_HEADER; the sign-in page takes it back from `callbackUrl`.

export const PATH_HEADER = "x-grace-path";
export const DEFAULT_TARGET = "/dashboard";
export const CHANGE_PASSWORD_PATH = "/change-password";

const base = "http://grace.invalid";

/**
 * `url` when it is a path on this site, else the dashboard: a sign-in link must never bounce a
 * fresh session to another site ("//evil.example", "/\\evil.example", "https://…" all resolve
 * elsewhere) nor back to the sign-in pages themselves.
 */
export function safeCallbackUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith("/")) return DEFAULT_TARGET;
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return DEFAULT_TARGET;
  }
  if (parsed.origin !== base || ["/login", "/logout", "/register", CHANGE_PASSWORD_PATH].includes(parsed.pathname)) return DEFAULT_TARGET;
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The sign-in page, with a way back to `path` when there is one worth going back to. */
export function signInPath(path: string | null | undefined): string {
  const target = safeCallbackUrl(path);
  return target === DEFAULT_TARGET ? "/login" : `/login?callbackUrl=${encodeURIComponent(target)}`;
}

/** The page a temporary password leads to, with a way back to `path` once a new one is chosen. */
export function changePasswordPath(path: string | null | undefined): string {
  const target = safeCallbackUrl(path);
  return target === DEFAULT_TARGET ? CHANGE_PASSWORD_PATH : `${CHANGE_PASSWORD_PATH}?callbackUrl=${encodeURIComponent(target)}`;
}
