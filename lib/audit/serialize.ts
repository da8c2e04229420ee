export function serializeEntry(e: {
  id: number;
  sequence: number;
  timestamp: Date;
  actor: string;
  action: string;
  resource: string;
  subsystem: string;
  payload: string;
  result: string;
  prevHash: string;
  entryHash: string;
}) {
  return {
    id: e.id,
    sequence: e.sequence,
    timestamp: e.timestamp.toISOString(),
    actor: e.actor,
    action: e.action,
    resource: e.resource,
    subsystem: e.subsystem,
    payload: JSON.parse(e.payload) as unknown,
    result: e.result,
    prev_hash: e.prevHash,
    entry_hash: e.entryHash,
  };
}
