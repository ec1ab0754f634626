import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docArray, Int32List, indexArray, NumberTable } from "../../../src/domain/fit/packed-arrays.js";

describe("the number table", () => {
  it("numbers each distinct value once, in the order first seen, and gives the values back", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 3000 }), (values) => {
        const table = new NumberTable();
        const indices = values.map((value) => table.indexOf(value));
        const firstSeen = new Map<string, number>();
        const expected = values.map((value) => {
          const key = Object.is(value, -0) ? "-0" : String(value);
          if (!firstSeen.has(key)) firstSeen.set(key, firstSeen.size);
          return firstSeen.get(key);
        });
        expect(indices).toEqual(expected);
        const stored = table.toArray();
        expect(values.every((value, at) => Object.is(stored[indices[at] ?? -1], value))).toBe(true);
      }),
    );
  });

  it("tells values apart by their bits, as stored weights must be exact", () => {
    const table = new NumberTable();
    expect([table.indexOf(0), table.indexOf(-0), table.indexOf(0.1 + 0.2), table.indexOf(0.3)]).toEqual([
      0, 1, 2, 3,
    ]);
    expect(table.indexOf(Number.NaN)).toBe(table.indexOf(Number.NaN));
  });
});

describe("the integer list", () => {
  it("grows as it is appended to, and reads as a map from small integers with 0 where unset", () => {
    const list = new Int32List(2);
    for (let value = 0; value < 5000; value++) list.push(value * 3);
    expect(list.length).toBe(5000);
    expect(list.at(4999)).toBe(14_997);
    expect([...list.toArray()].slice(0, 3)).toEqual([0, 3, 6]);
    const map = new Int32List(1);
    map.reserve(100);
    map.set(99, 7);
    expect([...map.toArray(101)].filter((value) => value !== 0)).toEqual([7]);
    expect(map.toArray(101)).toHaveLength(101);
  });
});

describe("the narrowest arrays", () => {
  it("hold every document number and index they are sized for", () => {
    expect(docArray(65_536, 1)).toBeInstanceOf(Uint16Array);
    expect(docArray(65_537, 1)).toBeInstanceOf(Uint32Array);
    expect(indexArray(256, 1)).toBeInstanceOf(Uint8Array);
    expect(indexArray(257, 1)).toBeInstanceOf(Uint16Array);
    expect(indexArray(70_000, 1)).toBeInstanceOf(Uint32Array);
    const docs = docArray(65_536, 1);
    docs[0] = 65_535;
    expect(docs[0]).toBe(65_535);
  });
});
