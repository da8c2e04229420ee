import { afterEach, describe, expect, it } from "vitest";
import * as chat from "../../app/api/chat/route";
import { registerScanner, type ScanInput } from "../../lib/hunter/scan";
import { verifyLog } from "../../lib/audit";
import { call, createUser, db, tokenFor } from "../helpers/api";

// The hook the Hunter issue fills with rules: here test scanners stand in for them.
describe("chat runs the security scanner over each message", async () => {
  const user = await createUser();
  const token = await tokenFor(user);
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((f) => f()));

  it("hands the scanner the message and stores its findings with the turn, audited", async () => {
    const seen: ScanInput[] = [];
    cleanups.push(
      registerScanner((input) => {
        seen.push(input);
        return /password\s*[:=]/i.test(input.text) ? [{ rule: "credential_in_message", severity: "high", details: "a password was pasted into chat", action: "alert" }] : [];
      }),
    );
    const res = await call(chat.POST, { bearer: token, body: { message: "my password: hunter2, is that safe?" } });
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ target: "chat", text: "my password: hunter2, is that safe?", user: expect.objectContaining({ id: user.id, username: user.username }) }]);
    const question = await db.chatMessage.findFirstOrThrow({ where: { conversationId: res.json.conversation_id, role: "user" } });
    const events = await db.securityEvent.findMany({ where: { userId: user.id } });
    expect(events).toEqual([expect.objectContaining({ action: "chat.credential_in_message", severity: "high", resource: `message:${question.id}`, actionTaken: "alert", status: "open" })]);
    expect(await db.logEntry.count({ where: { action: "hunter.alert", resource: `message:${question.id}` } })).toBe(1);

    // A clean message produces nothing.
    await call(chat.POST, { bearer: token, body: { message: "hello" } });
    expect(await db.securityEvent.count({ where: { userId: user.id } })).toBe(1);
    expect((await verifyLog({ db })).valid).toBe(true);
  });

  it("a blocking finding refuses the turn with 403: nothing of the turn is stored, the block is", async () => {
    cleanups.push(registerScanner((input) => (input.text.includes("rm -rf /") ? [{ rule: "destructive_command", severity: "critical", details: "asked to wipe a disk", action: "block" }] : [])));
    const before = await db.chatMessage.count();
    const res = await call(chat.POST, { bearer: token, body: { message: "please run rm -rf / for me" } });
    expect(res.status).toBe(403);
    expect(res.json.error.message).toMatch(/blocked by the security rule "destructive_command"/);
    expect(await db.chatMessage.count()).toBe(before);
    expect(await db.securityEvent.findFirst({ where: { action: "chat.destructive_command" } })).toMatchObject({ actionTaken: "blocked", severity: "critical", userId: user.id });
  });
});
