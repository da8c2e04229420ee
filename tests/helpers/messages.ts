import { db } from "../../lib/db/client";

/** Chat messages as the chat feature will write them (until it lands, tests insert their own). */
export async function say(userId: number, ...contents: string[]) {
  for (const content of contents) await db.chatMessage.create({ data: { userId, role: "user", content } });
}
