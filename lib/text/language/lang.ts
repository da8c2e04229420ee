/** The languages Grace tells apart; "other" is any script it has no stemmer or stop-words for. */
export type Lang = "en" | "es" | "fr" | "de" | "ru" | "ar" | "zh" | "ja" | "th" | "other";

export const LATIN_LANGS = ["en", "es", "fr", "de"] as const satisfies readonly Lang[];
