// Second opinions for rules whose pattern only finds candidates: a regex cannot check a card
// number's Luhn digit or an IBAN's mod-97 checksum, so a rule can name one of these by its
// name's prefix (validatorFor): `pii.card…` → luhn, `pii.iban…` → iban, `pii.us_ssn…` → ssn,
// `secret.generic…` → highEntropy. The match (its first capturing group, when it has one) is
// confirmed or dropped; an admin's own rule gets the same check by being named the same way.

/** Card numbers: 13–19 digits (spaces and dashes allowed between them) with a valid Luhn check digit. */
export function luhn(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, "");
  if (!/^\d{13,19}$/.test(digits) || /^(\d)\1+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** IBANs (ISO 13616): country, check digits and account, the whole of it ≡ 1 mod 97. */
export function iban(candidate: string): boolean {
  const s = candidate.replace(/ /g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const n = ch >= "A" ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of n) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** US social security numbers as issued: never area 000, 666 or 900–999, group 00 or serial 0000. */
export function ssn(candidate: string): boolean {
  const m = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(candidate);
  if (!m) return false;
  const area = Number(m[1]);
  return area !== 0 && area !== 666 && area < 900 && m[2] !== "00" && m[3] !== "0000";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Strings that look like generated keys: not a UUID (an identifier, not a secret), letters and
 * digits mixed, and at least 3.5 bits of Shannon entropy per character (words and repeated
 * characters fall below it; random base62 is near 5.9, hex near 4).
 */
export function highEntropy(candidate: string): boolean {
  if (UUID.test(candidate) || !/\d/.test(candidate) || !/[A-Za-z]/.test(candidate)) return false;
  return entropyPerChar(candidate) >= 3.5;
}

export function entropyPerChar(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / s.length) * Math.log2(n / s.length);
  return bits;
}

export type Validator = (candidate: string) => boolean;

// Named here, not by the functions' own names: a production build renames those.
const BY_PREFIX: [prefix: string, name: string, check: Validator][] = [
  ["pii.card", "luhn", luhn],
  ["pii.iban", "iban", iban],
  ["pii.us_ssn", "ssn", ssn],
  ["secret.generic", "entropy", highEntropy],
];

/** The validator a rule's name selects, or null (the match stands as found). */
export function validatorFor(ruleName: string): Validator | null {
  return BY_PREFIX.find(([prefix]) => ruleName.startsWith(prefix))?.[2] ?? null;
}

/** What the API and the page call that validator ("luhn", "iban", "ssn", "entropy"). */
export function validatorNameFor(ruleName: string): string | null {
  return BY_PREFIX.find(([prefix]) => ruleName.startsWith(prefix))?.[1] ?? null;
}
