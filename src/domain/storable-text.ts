/**
 * Text as PostgreSQL can keep it: NUL characters, which no text or JSON value accepts, are dropped, and
 * lone surrogates (half of a character, which JSON refuses) become U+FFFD. Neither carries meaning in
 * pasted text, and either would otherwise fail the request that stores it.
 */
export function storableText(text: string): string {
  return text.replaceAll("\u0000", "").replace(/\p{Cs}/gu, "\uFFFD");
}
