/** The largest id a row can have: both databases store ids as 32-bit integers. */
export const MAX_ID = 2_147_483_647;
