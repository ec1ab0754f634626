/**
 * Typed arrays for the matcher's indexes: a few bytes a number, outside the JavaScript heap, where
 * arrays of numbers and Maps take tens of bytes an entry and leave garbage behind as they grow.
 */

/** The narrowest array that holds document numbers below `count`. */
export function docArray(count: number, length: number): Uint16Array | Uint32Array {
  return count <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}

/** A list of 32-bit integers that grows as it is appended to. */
export class Int32List {
  private values: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.values = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.values.length) this.reserve(this.length + 1);
    this.values[this.length++] = value;
  }

  at(index: number): number {
    return this.values[index] ?? 0;
  }

  set(index: number, value: number): void {
    this.values[index] = value;
  }

  /** Makes room to `set` indices below `size` (for a list used as a map from small integers); new places hold 0. */
  reserve(size: number): void {
    if (size <= this.values.length) return;
    const values = new Int32Array(Math.max(size, 2 * this.values.length));
    values.set(this.values);
    this.values = values;
  }

  /** A copy of the first `length` values (by default, those pushed); places never set hold 0. */
  toArray(length = this.length): Int32Array {
    const array = new Int32Array(length);
    array.set(this.values.subarray(0, Math.min(length, this.values.length)));
    return array;
  }
}

/**
 * Distinct numbers, each with an index (in the order first seen), told apart by their bits: a list of
 * many repeated numbers is then kept as small indices into `values()`.
 */
export class NumberTable {
  private readonly scratch = new Float64Array(1);
  private readonly scratchWords = new Int32Array(this.scratch.buffer);
  private values = new Float64Array(1024);
  private words = new Int32Array(this.values.buffer);
  /** Per slot, 1 + the index of the number there, or 0 for an empty slot. */
  private slots = new Int32Array(4096);
  size = 0;

  /** The number's index, given it one if it is new. */
  indexOf(value: number): number {
    this.scratch[0] = value;
    const low = this.scratchWords[0] ?? 0;
    const high = this.scratchWords[1] ?? 0;
    const mask = this.slots.length - 1;
    let slot = this.hash(low, high) & mask;
    for (;;) {
      const held = (this.slots[slot] ?? 0) - 1;
      if (held < 0) break;
      if (this.words[2 * held] === low && this.words[2 * held + 1] === high) return held;
      slot = (slot + 1) & mask;
    }
    const index = this.size++;
    if (index === this.values.length) this.growValues();
    this.values[index] = value;
    this.slots[slot] = index + 1;
    if (2 * this.size > this.slots.length) this.growSlots();
    return index;
  }

  /** The numbers by index. */
  toArray(): Float64Array {
    return this.values.slice(0, this.size);
  }

  private hash(low: number, high: number): number {
    const mixed = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
    return mixed ^ (mixed >>> 15);
  }

  private growValues(): void {
    const values = new Float64Array(2 * this.values.length);
    values.set(this.values);
    this.values = values;
    this.words = new Int32Array(values.buffer);
  }

  private growSlots(): void {
    this.slots = new Int32Array(2 * this.slots.length);
    const mask = this.slots.length - 1;
    for (let index = 0; index < this.size; index++) {
      let slot = this.hash(this.words[2 * index] ?? 0, this.words[2 * index + 1] ?? 0) & mask;
      while ((this.slots[slot] ?? 0) !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = index + 1;
    }
  }
}

/** The narrowest array that holds indices below `count`. */
export function indexArray(count: number, length: number): Uint8Array | Uint16Array | Uint32Array {
  if (count <= 0x100) return new Uint8Array(length);
  return count <= 0x10000 ? new Uint16Array(length) : new Uint32Array(length);
}
