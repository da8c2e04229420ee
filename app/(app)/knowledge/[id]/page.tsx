import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArtifactEditor } from "@/components/knowledge/artifact-editor";
import { PassageTarget } from "@/components/knowledge/passage-target";
import { PassageText, rendersAsMarkdown } from "@/components/knowledge/passage-text";
import { TrustBadge } from "@/components/knowledge/trust-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Time } from "@/components/ui/time";
import { NotFoundError } from "@/lib/errors";
import { requireUser } from "@/lib/auth/current-user";
import { canChangeArtifact } from "@/lib/auth/access";
import { getArtifact } from "@/lib/knowledge/get-artifact";
import { getArtifactVersion } from "@/lib/knowledge/get-artifact-version";

export const metadata: Metadata = { title: "Source" };
export const dynamic = "force-dynamic";

const orNull = (error: unknown) => {
  if (error instanceof NotFoundError) return null;
  throw error;
};

export default async function ArtifactPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string | string[] }> }) {
  const user = await requireUser();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const artifact = await getArtifact({ userId: user.id, id }).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const asked = (await searchParams).version;
  const wanted = typeof asked === "string" ? Number(asked) : null;
  const older = wanted !== null && Number.isInteger(wanted) && wanted > 0 && wanted !== artifact.version;
  const viewing = older ? await getArtifactVersion({ userId: user.id, id, version: wanted }).catch(orNull) : null;
  const shown = viewing?.version ?? artifact.version;
  const canEdit = canChangeArtifact(user, { ownerId: artifact.provenance.owner_id });
  const p = artifact.provenance;
  const markdown = rendersAsMarkdown({ type: artifact.type, mimeType: p.mime_type, passages: artifact.passages });

  const content = viewing ? (
    <article aria-label={`Version ${viewing.version}`} className="self-start rounded-lg bg-white p-4 text-sm whitespace-pre-wrap text-slate-800 shadow-sm ring-1 ring-slate-200">
      {viewing.content}
    </article>
  ) : (
    <article aria-label="Passages" className="space-y-2">
      <PassageTarget />
      {artifact.passages.map((passage) => (
        // Citations and search results link to #passage-<id>; PassageTarget (and :target, on a
        // full load) highlights it.
        <div
          key={passage.id}
          id={`passage-${passage.id}`}
          tabIndex={-1}
          className="scroll-mt-8 rounded-lg bg-white p-4 text-sm text-slate-800 shadow-sm ring-1 ring-slate-200 target:bg-yellow-50 target:ring-2 target:ring-amber-400 focus:outline-none data-[target-passage]:bg-yellow-50 data-[target-passage]:ring-2 data-[target-passage]:ring-amber-400"
        >
          <PassageText content={passage.content} markdown={markdown} />
        </div>
      ))}
    </article>
  );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/knowledge" className="text-indigo-600 hover:text-indigo-500">
          ← Knowledge
        </Link>
      </p>
      <PageHeader title={artifact.title} description={artifact.path} actions={<TrustBadge score={artifact.trust_score} />} />
      {older && !viewing && (
        <div className="mb-4">
          <Alert>There is no version {wanted} of this source; the current one is shown.</Alert>
        </div>
      )}
      {viewing && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          Viewing version {viewing.version} of {artifact.version} ({viewing.reason ?? "edited"}, <Time value={viewing.created_at} />
          {viewing.created_by ? ` by ${viewing.created_by}` : ""}) —{" "}
          <Link href={`/knowledge/${id}`} className="font-medium underline underline-offset-2">
            back to current
          </Link>
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {/* Edits start from the current version, so they are offered only while it is shown. */}
        {canEdit && !viewing ? (
          <ArtifactEditor id={id} title={artifact.title} version={artifact.version}>
            {content}
          </ArtifactEditor>
        ) : (
          content
        )}
        <aside className="space-y-4 text-sm">
          <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 className="mb-2 font-medium text-slate-700">Provenance</h2>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-slate-600">
              <dt>Source</dt>
              <dd>{p.source}</dd>
              {p.url && (
                <>
                  <dt>URL</dt>
                  <dd className="truncate" title={p.url}>
                    {p.url}
                  </dd>
                </>
              )}
              <dt>Added by</dt>
              <dd>{p.uploaded_by}</dd>
              <dt>Visibility</dt>
              <dd>{artifact.visibility}</dd>
              <dt>Status</dt>
              <dd>{artifact.status}</dd>
              <dt>Added</dt>
              <dd>
                <Time value={p.created_at} />
              </dd>
              <dt>SHA-256</dt>
              {/* The hash of the text on screen: an older version's when one is shown. */}
              <dd className="truncate font-mono text-xs" title={`v${shown}: ${viewing?.content_hash ?? p.content_hash}`}>
                {viewing?.content_hash ?? p.content_hash}
              </dd>
            </dl>
          </section>
          <section aria-labelledby="versions" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <h2 id="versions" className="mb-2 font-medium text-slate-700">
              Versions
            </h2>
            <ol className="space-y-1">
              {artifact.versions.map((v) => (
                <li key={v.version}>
                  <Link
                    href={`/knowledge/${id}?version=${v.version}`}
                    aria-current={v.version === shown ? "true" : undefined}
                    className={`block rounded-md px-2 py-1 ${v.version === shown ? "bg-indigo-50 text-indigo-800" : "text-slate-600 hover:bg-slate-50"}`}
                  >
                    <span className="font-medium">v{v.version}</span>
                    {v.version === artifact.version && <span className="ml-1 rounded bg-emerald-50 px-1 text-xs text-emerald-700">current</span>} · <Time value={v.created_at} />
                    <span className="block text-xs text-slate-600">{v.reason ?? "edited"}</span>
                  </Link>
                </li>
              ))}
            </ol>
          </section>
        </aside>
      </div>
    </>
  );
}
