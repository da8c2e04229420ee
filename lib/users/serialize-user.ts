export type UserRow = { id: number; username: string; role: string; disabledAt: Date | null; mustChangePassword: boolean; createdAt: Date };

/** A user as the API shows them; never the password hash or session version. */
export function serializeUser(u: UserRow) {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    disabled: u.disabledAt !== null,
    disabled_at: u.disabledAt?.toISOString() ?? null,
    must_change_password: u.mustChangePassword,
    created_at: u.createdAt.toISOString(),
  };
}

export const USER_FIELDS = { id: true, username: true, role: true, disabledAt: true, mustChangePassword: true, createdAt: true } as const;
