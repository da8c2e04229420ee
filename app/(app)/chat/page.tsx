import type { Metadata } from "next";

export const metadata: Metadata = { title: "Chat" };

// A new conversation: the workspace (layout.tsx) reads the address.
export default function NewChatPage() {
  return null;
}
