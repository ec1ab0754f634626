import fc from "fast-check";

type Path = (string | number)[];

/** Every place in a JSON document a value sits, the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value))
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

/** Values that break files in practice: wrong types, edges of ranges, oversized and odd text. */
const troublesome = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(null, "", " ", "0", -1, 0, 1, 5, 6, 2.5, 1e308, Number.MAX_SAFE_INTEGER, true, [], {}),
  fc.constantFrom("general", "technical", "GENERAL", "onet", "Acme 2026", "a".repeat(201), "x".repeat(6_000)),
  fc.string({ unit: "binary", maxLength: 30 }),
);

type Mutation = { at: number; kind: "set" | "delete" | "duplicate" | "rename"; value: unknown; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom("set", "set", "delete", "duplicate", "rename"),
  value: troublesome,
  name: fc.oneof(
    fc.constantFrom("nmae", "Name", "level ", "extra", "__proto__", "constructor"),
    fc.string({ maxLength: 8 }),
  ),
});

function apply(document: unknown, { at, kind, value, name }: Mutation): unknown {
  const copy = structuredClone(document);
  const paths = pathsOf(copy);
  const path = paths[at % Math.max(1, paths.length)];
  if (!path) return value;
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
  const key = path.at(-1) as string | number;
  const container = parent as Record<string | number, unknown>;
  if (kind === "set") container[key] = value;
  else if (kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete container[key];
  } else if (kind === "duplicate") {
    if (Array.isArray(parent)) parent.splice(key as number, 0, structuredClone(parent[key as number]));
    else container[`${String(key)}2`] = structuredClone(container[key]);
  } else if (!Array.isArray(parent)) {
    Object.defineProperty(container, name, {
      value: container[key],
      enumerable: true,
      configurable: true,
      writable: true,
    });
    delete container[key];
  }
  return copy;
}

/** A valid document with one to four mistakes of the kinds people make (or none, now and then). */
export function mutated(valid: unknown): fc.Arbitrary<unknown> {
  return fc
    .array(mutation, { minLength: 0, maxLength: 4 })
    .map((mutations) => mutations.reduce(apply, valid));
}
