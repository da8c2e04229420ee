import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Chat" };

// One conversation, /chat/:id: the workspace (../layout.tsx) opens it from the address, so a
// reload, Back from a cited source or a shared link returns to it. Not an id: the 404 page.
export default async function ConversationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[1-9]\d{0,14}$/.test(id)) notFound();
  return null;
}
