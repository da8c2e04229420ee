export { append, appendMany, type AuditEvent } from "./append";
export { verifyLog, type VerifyResult } from "./verify";
export { verifyLogShared } from "./verify-shared";
export { listEntries } from "./list-entries";
export { GENESIS_HASH, entryHash, canonicalJson } from "./hash";
