/** Reading untrusted JSON (Graph, and behind it third-party SCIM servers): every reader takes `unknown` and never throws. */

export type Json = Record<string, unknown>;

/** The value when it is a JSON object; null for null, arrays and primitives. */
export function obj(value: unknown): Json | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

/** Strings verbatim; a number or boolean where a string (an enum) belongs as its text; else ''. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** A finite number, also when sent as a numeric string (OData int64 under IEEE754Compatible). */
export function num(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^\s*-?\d+(\.\d+)?\s*$/.test(value)) return null;
  // 309 digits or more read as Infinity: not a count anyone can act on.
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Enum values and codes shown verbatim are cut here: a SCIM server or a broken job can send a megabyte. */
export const LABEL_MAX = 120;

/** A value for a label, pill or picker option: as is, or cut to LABEL_MAX characters with "…". */
export function label(value: string): string {
  return value.length > LABEL_MAX ? `${value.slice(0, LABEL_MAX - 1)}…` : value;
}

export function bool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const t = typeof value === 'string' ? value.trim().toLowerCase() : '';
  return t === 'true' ? true : t === 'false' ? false : null;
}

/** Only https: a URL from Graph ends up in an href. */
export function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || !value.trim()) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Containers deeper than this are cut by prettyJson's fallback; no real job comes near it. */
const PRETTY_MAX_DEPTH = 200;

/**
 * The value as pretty-printed JSON (two spaces), exactly as JSON.stringify gives it. A value nested
 * too deep for the engine's stack gets a cut copy instead, with "…" strings where containers deeper
 * than 200 levels were, rather than an exception in the middle of a render.
 */
export function prettyJson(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? 'null';
  } catch {
    return JSON.stringify(cutDeep(value, 0), null, 2) ?? 'null';
  }
}

function cutDeep(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= PRETTY_MAX_DEPTH) return '…';
  if (Array.isArray(value)) return value.map((item) => cutDeep(item, depth + 1));
  const copy: Json = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a "__proto__" key from the JSON stays a plain key.
    Object.defineProperty(copy, key, { value: cutDeep(item, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}
