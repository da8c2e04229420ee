import { z } from "zod";
import { idSchema } from "../../api/params";
import { enqueue } from "../../jobs/enqueue";
import { deleteArtifact } from "../../knowledge/update-artifact";
import { defineAction } from "./define";

/** A URL to fetch and ingest (the worker's url_ingest job does it); held ones wait for an admin. */
export const knowledgeIngest = defineAction({
  name: "knowledge.ingest",
  label: "Ingest a URL",
  payload: z.object({
    url: z.string().url().max(2048),
    domain: z.string().max(64).default("web"),
    visibility: z.enum(["shared", "private"]).default("shared"),
    trust_score: z.number().min(0).max(100),
  }),
  resource: (p) => p.url,
  trustScore: (p) => p.trust_score,
  perform: async ({ tx, actor, payload, approvalId }) => {
    const job = await enqueue({
      tx,
      kind: "url_ingest",
      payload: { ...payload, user_id: actor.id, ...(approvalId ? { approval_id: approvalId } : {}) },
      description: `Ingest ${payload.url}`,
      createdById: actor.id,
      priority: 5,
    });
    return { job_id: job.id };
  },
  queuesOwnJob: true,
  legacyType: "url_ingest",
});

export const knowledgeDelete = defineAction({
  name: "knowledge.delete",
  label: "Delete a knowledge artifact",
  payload: z.object({ artifact_id: idSchema("an artifact id") }),
  resource: (p) => `artifact:${p.artifact_id}`,
  perform: async ({ tx, actor, payload }) => {
    await deleteArtifact({ tx, user: actor, id: payload.artifact_id });
    return { artifact_id: payload.artifact_id, deleted: true };
  },
});
