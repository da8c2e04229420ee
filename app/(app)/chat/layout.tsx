import { ChatWorkspace } from "@/components/chat/chat-workspace";

// The workspace lives in the layout, so moving between /chat and /chat/:id (a new conversation
// getting its address, picking another from the list) keeps it mounted: an answer streaming
// in, the list and the draft stay as they are. The pages only name the route.
export default function ChatLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="sr-only">Chat</h1>
      <ChatWorkspace />
      {children}
    </>
  );
}
