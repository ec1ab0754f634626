/**
 * Keeps one copy of each distinct string it is given, for data kept in memory for the life of the process.
 * A pool lives for one load: the strings it returned stay, the pool does not.
 */
export function createStringPool(): (text: string) => string {
  const kept = new Map<string, string>();
  return (text) => {
    const copy = kept.get(text);
    if (copy !== undefined) return copy;
    kept.set(text, text);
    return text;
  };
}
