import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TrustBadge } from "@/components/knowledge/trust-badge";
import { PageHeader } from "@/components/ui/page-header";
import { NotFoundError } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db/client";
import { getArtifact } from "@/lib/knowledge/get-artifact";

export const metadata: Metadata = { title: "Source" };
export const dynamic = "force-dynamic";

export default async function ArtifactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = (await currentUser())!;
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const artifact = await getArtifact(db, { userId: user.id, id }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const p = artifact.provenance;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/knowledge" className="text-indigo-600 hover:text-indigo-500">
          ← Knowledge
        </Link>
      </p>
      <PageHeader title={artifact.title} description={artifact.path} actions={<TrustBadge score={artifact.trust_score} />} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <article aria-label="Passages" className="space-y-2">
          {artifact.passages.map((passage) => (
            // A citation links to #passage-<id>; :target highlights the cited passage.
            <p
              key={passage.id}
              id={`passage-${passage.id}`}
              className="scroll-mt-8 rounded-lg bg-white p-4 text-sm whitespace-pre-wrap text-slate-800 shadow-sm ring-1 ring-slate-200 target:bg-yellow-50 target:ring-2 target:ring-amber-400"
            >
              {passage.content}
            </p>
          ))}
        </article>
        <aside className="space-y-4 text-sm">
          <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-2 font-medium text-slate-700">Provenance</h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-600">
              <dt>Source</dt>
              <dd>{p.source}</dd>
              {p.url && (
                <>
                  <dt>URL</dt>
                  <dd className="truncate">{p.url}</dd>
                </>
              )}
              <dt>Added by</dt>
              <dd>{p.uploaded_by}</dd>
              <dt>Visibility</dt>
              <dd>{artifact.visibility}</dd>
              <dt>Status</dt>
              <dd>{artifact.status}</dd>
              <dt>Added</dt>
              <dd>{new Date(p.created_at).toLocaleString()}</dd>
              <dt>SHA-256</dt>
              <dd className="truncate font-mono text-xs" title={p.content_hash}>
                {p.content_hash}
              </dd>
            </dl>
          </section>
          <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-2 font-medium text-slate-700">Versions</h2>
            <ol className="space-y-1 text-slate-600">
              {artifact.versions.map((v) => (
                <li key={v.version}>
                  v{v.version} · {new Date(v.created_at).toLocaleString()} · {v.reason ?? "edited"}
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
