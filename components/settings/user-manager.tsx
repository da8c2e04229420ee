"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import useSWRInfinite from "swr/infinite";
import { fetchJson } from "@/components/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LoadMore } from "@/components/ui/load-more";
import { Time } from "@/components/ui/time";

type User = { id: number; username: string; role: "admin" | "user"; disabled: boolean; disabled_at: string | null; must_change_password: boolean; created_at: string };
type Page = { items: User[]; next_cursor: string | null };
type Deleted = { user: { username: string }; removed: Record<string, number>; kept: { shared_artifacts: number; shared_artifacts_owner: string; audit_entries: number } };

const selectClass =
  "block rounded-md border-0 pr-8 pl-3 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-600 focus:ring-inset disabled:text-slate-400";

const FIELD_LABELS: Record<string, string> = { username: "Username", password: "Temporary password", temporary_password: "Temporary password", role: "Role" };

/** The API names fields by where they are in the request ("body.username: is reserved"): say it in words. */
function friendly(message: string): string {
  return message.replace(/\bbody\.(\w+): /g, (_, field: string) => `${FIELD_LABELS[field] ?? field} `);
}

// What each role is called in a sentence (the UI names roles; the server decides what they may do).
const ROLE_NAMES: Record<string, string> = { admin: "an admin", user: "a regular user" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeDeletion(d: Deleted): string {
  const labels: Record<string, [string, string?]> = {
    conversations: ["conversation"],
    messages: ["message"],
    private_artifacts: ["private artifact"],
    tasks: ["task"],
    goals: ["goal"],
    tokens: ["token"],
    jobs: ["job"],
  };
  const removed = Object.entries(labels)
    .filter(([key]) => (d.removed[key] ?? 0) > 0)
    .map(([key, [one, many]]) => plural(d.removed[key], one, many));
  const kept = [`${plural(d.kept.audit_entries, "audit entry", "audit entries")}`];
  if (d.kept.shared_artifacts) kept.push(`${plural(d.kept.shared_artifacts, "shared artifact")} (now owned by ${d.kept.shared_artifacts_owner})`);
  return `Deleted ${d.user.username}. Removed ${removed.length ? removed.join(", ") : "no private data"}; kept ${kept.join(" and ")}.`;
}

function Status({ user }: { user: User }) {
  if (user.disabled) return <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs whitespace-nowrap font-medium text-slate-600">Disabled</span>;
  if (user.must_change_password) return <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs whitespace-nowrap font-medium text-amber-800 ring-1 ring-amber-200">Must change password</span>;
  return <span className="rounded-full bg-emerald-50 px-2 py-0.5 text-xs whitespace-nowrap font-medium text-emerald-700">Active</span>;
}

/** Admins: every account, with create, role, disable, temporary password and delete. */
export function UserManager({ currentUserId }: { currentUserId: number }) {
  const router = useRouter();
  const { data, error, mutate, size, setSize, isValidating } = useSWRInfinite<Page>(
    (i, prev: Page | null) => (prev && !prev.next_cursor ? null : `/api/users?limit=50${prev?.next_cursor ? `&cursor=${prev.next_cursor}` : ""}`),
    (url: string) => fetchJson<Page>(url),
  );
  const users = data?.flatMap((p) => p.items) ?? [];
  const [notice, setNotice] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [resetting, setResetting] = useState<number | null>(null);

  async function run(key: string, action: () => Promise<string>) {
    setPending(key);
    setNotice(null);
    try {
      setNotice({ tone: "success", text: await action() });
      await mutate();
      return true;
    } catch (e) {
      setNotice({ tone: "error", text: friendly((e as Error).message) });
      return false;
    } finally {
      setPending(null);
    }
  }

  const patch = (user: User, body: Record<string, unknown>) => fetchJson<User>(`/api/users/${user.id}`, { method: "PATCH", body: JSON.stringify(body) });
  // A change to one's own role or password ends one's own sessions too: sign in again.
  const afterOwnChange = (user: User) => {
    if (user.id !== currentUserId) return;
    router.replace("/login");
    router.refresh();
  };

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const f = new FormData(form);
    const ok = await run("create", async () => {
      const user = await fetchJson<User>("/api/users", {
        method: "POST",
        body: JSON.stringify({ username: f.get("username"), password: f.get("password"), role: f.get("role") }),
      });
      return `Account ${user.username} created. Give them the temporary password: they choose their own when they first sign in.`;
    });
    if (ok) form.reset();
  }

  function changeRole(user: User, role: string) {
    const becomes = ROLE_NAMES[role] ?? role;
    if (!window.confirm(`Make ${user.username} ${becomes}? They are signed out and sign in again with the new role.`)) return;
    void run(`role-${user.id}`, async () => {
      await patch(user, { role });
      return `${user.username} is now ${becomes}.`;
    }).then((ok) => ok && afterOwnChange(user));
  }

  function setDisabled(user: User, disabled: boolean) {
    if (disabled && !window.confirm(`Disable ${user.username}? They are signed out at once and every token of theirs is revoked.`)) return;
    void run(`disable-${user.id}`, async () => {
      await patch(user, { disabled });
      return disabled ? `${user.username} is disabled: signed out, tokens revoked.` : `${user.username} is enabled again. Their old sessions and tokens stay ended.`;
    });
  }

  async function setTemporaryPassword(event: React.FormEvent<HTMLFormElement>, user: User) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("temporary_password") ?? "");
    const ok = await run(`reset-${user.id}`, async () => {
      await patch(user, { temporary_password: password });
      return `${user.username} has a temporary password now and must choose their own at next sign-in. Their sessions ended.`;
    });
    if (ok) setResetting(null);
    if (ok) afterOwnChange(user);
  }

  function remove(user: User) {
    const question = `Delete ${user.username}? Their conversations, private knowledge, tasks, goals and tokens are removed for good. Shared knowledge they added is kept (you become its owner), and the audit log keeps their entries.`;
    if (!window.confirm(question)) return;
    void run(`delete-${user.id}`, async () => describeDeletion(await fetchJson<Deleted>(`/api/users/${user.id}`, { method: "DELETE" })));
  }

  return (
    <div className="space-y-4">
      <form onSubmit={create} className="grid gap-3 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-[1fr_1fr_auto_auto] sm:items-end">
        <Input label="Username" id="new-user-name" name="username" required minLength={3} maxLength={64} autoComplete="off" placeholder="e.g. sam" />
        <Input label="Temporary password" id="new-user-password" name="password" type="text" required minLength={8} maxLength={256} autoComplete="off" placeholder="8 characters or more" />
        <div>
          <label htmlFor="new-user-role" className="mb-1 block text-sm font-medium text-slate-700">
            Role
          </label>
          <select id="new-user-role" name="role" defaultValue="user" className={`${selectClass} h-9 w-full sm:w-32`}>
            <option value="user">User</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <Button type="submit" disabled={pending === "create"}>
          {pending === "create" ? "Creating…" : "Create account"}
        </Button>
      </form>
      {notice && <Alert tone={notice.tone}>{notice.text}</Alert>}
      {error && <Alert>{(error as Error).message}</Alert>}
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full text-left text-sm">
          <caption className="border-b border-slate-200 px-4 py-3 text-left font-medium text-slate-700">Accounts</caption>
          <thead className="text-slate-500">
            <tr>
              <th className="px-4 py-2 font-medium">Username</th>
              <th className="px-4 py-2 font-medium">Role</th>
              <th className="px-4 py-2 font-medium">Status</th>
              <th className="px-4 py-2 font-medium">Created</th>
              <th className="px-4 py-2 text-right font-medium">Actions</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {!data && !error && (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                  Loading accounts…
                </td>
              </tr>
            )}
            {data && users.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                  No accounts yet. Create one above.
                </td>
              </tr>
            )}
            {users.map((u) => {
              const self = u.id === currentUserId;
              const busy = pending !== null && pending.endsWith(`-${u.id}`);
              return (
                <UserRows
                  key={u.id}
                  user={u}
                  self={self}
                  busy={busy}
                  resetting={resetting === u.id}
                  onRole={(role) => changeRole(u, role)}
                  onDisable={(disabled) => setDisabled(u, disabled)}
                  onReset={() => setResetting(resetting === u.id ? null : u.id)}
                  onResetSubmit={(event) => void setTemporaryPassword(event, u)}
                  onDelete={() => remove(u)}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      <LoadMore list={{ data, size, setSize, isValidating }} />
    </div>
  );
}

function UserRows(p: {
  user: User;
  self: boolean;
  busy: boolean;
  resetting: boolean;
  onRole: (role: string) => void;
  onDisable: (disabled: boolean) => void;
  onReset: () => void;
  onResetSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  onDelete: () => void;
}) {
  const u = p.user;
  return (
    <>
      <tr className={u.disabled ? "bg-slate-50/60" : undefined}>
        <td className="px-4 py-2 font-medium text-slate-900">
          {u.username}
          {p.self && <span className="text-xs font-normal text-slate-500"> (you)</span>}
        </td>
        <td className="px-4 py-2">
          <select aria-label={`Role of ${u.username}`} value={u.role} onChange={(e) => p.onRole(e.target.value)} disabled={p.busy} className={`${selectClass} h-8`}>
            <option value="user">User</option>
            <option value="admin">Admin</option>
          </select>
        </td>
        <td className="px-4 py-2">
          <Status user={u} />
        </td>
        <td className="px-4 py-2 text-slate-600"><Time value={u.created_at} /></td>
        <td className="px-4 py-2">
          <div className="flex justify-end gap-2 whitespace-nowrap">
            {p.self ? (
              <a href="#password" className="px-1 py-2 text-sm text-slate-500 hover:text-slate-700">
                Change your password above
              </a>
            ) : (
              <>
                <Button variant="secondary" type="button" onClick={p.onReset} disabled={p.busy} aria-expanded={p.resetting} aria-label={`Set a temporary password for ${u.username}`}>
                  Temporary password
                </Button>
                <Button variant="secondary" type="button" onClick={() => p.onDisable(!u.disabled)} disabled={p.busy} aria-label={`${u.disabled ? "Enable" : "Disable"} ${u.username}`}>
                  {u.disabled ? "Enable" : "Disable"}
                </Button>
                <Button variant="danger" type="button" onClick={p.onDelete} disabled={p.busy} aria-label={`Delete ${u.username}`}>
                  Delete
                </Button>
              </>
            )}
          </div>
        </td>
      </tr>
      {p.resetting && (
        <tr>
          <td colSpan={5} className="bg-slate-50 px-4 py-3">
            <form onSubmit={p.onResetSubmit} className="flex flex-wrap items-end gap-3">
              <div className="min-w-64 flex-1">
                <Input
                  label={`Temporary password for ${u.username}`}
                  id={`temporary-password-${u.id}`}
                  name="temporary_password"
                  type="text"
                  required
                  minLength={8}
                  maxLength={256}
                  autoComplete="off"
                  autoFocus
                  placeholder="8 characters or more"
                />
              </div>
              <p className="basis-full text-xs text-slate-500 sm:order-last">Ends their sessions and revokes their API sign-in tokens; they must choose a new password at next sign-in.</p>
              <Button type="submit" disabled={p.busy}>
                Set password
              </Button>
              <Button variant="secondary" type="button" onClick={p.onReset}>
                Cancel
              </Button>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
