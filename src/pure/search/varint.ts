/**
 * Unsigned LEB128 integers, the numbers of the search index's binary files: small numbers (the
 * gaps between documents, counts) take one byte.
 */

export class ByteWriter {
  private bytes: number[] = [];

  uint(n: number): this {
    if (!Number.isInteger(n) || n < 0) throw new Error(`varint: ${n} is not an unsigned integer`);
    while (n >= 0x80) {
      this.bytes.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.bytes.push(n);
    return this;
  }

  raw(bytes: Uint8Array): this {
    for (const b of bytes) this.bytes.push(b);
    return this;
  }

  get length(): number {
    return this.bytes.length;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export class ByteReader {
  at = 0;
  readonly bytes: Uint8Array;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  get done(): boolean {
    return this.at >= this.bytes.length;
  }

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('varint: the file ends inside a number');
      const b = this.bytes[this.at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
      scale *= 0x80;
    }
  }

  slice(length: number): Uint8Array {
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }
}
