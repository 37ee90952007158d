/**
 * Rows in PostgreSQL's binary COPY format, written straight into byte buffers: no text per
 * value, no CSV string and no UTF-8 pass over it (the text path spent more time building and
 * collecting strings than the database spent loading them). See «Binary Format» in
 * https://www.postgresql.org/docs/current/sql-copy.html. Values are checked against their
 * column types here, because binary COPY would not catch a value that does not fit.
 */

/** The file header: signature, flags (no OIDs), header extension length. */
export const COPY_BINARY_HEADER = Uint8Array.of(
  0x50,
  0x47,
  0x43,
  0x4f,
  0x50,
  0x59,
  0x0a,
  0xff,
  0x0d,
  0x0a,
  0x00,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
);
/** The file trailer: a field count of -1. */
export const COPY_BINARY_TRAILER = Uint8Array.of(0xff, 0xff);

/** `pg_type` OID of smallint, named inside array values. */
const INT2_OID = 21;
const INT2_MIN = -32768;
const INT2_MAX = 32767;
const INT4_MIN = -2147483648;
const INT4_MAX = 2147483647;

const encoder = new TextEncoder();

/**
 * Writes rows into buffers of about `chunkBytes`; `reserve` before each row hands back the
 * finished buffer when a new one had to be started, so a caller can stream buffers as they fill.
 */
export class BinaryRows {
  private buf: Uint8Array<ArrayBuffer>;
  private pos = 0;
  /** Where the open array value starts, and whether it has a NULL element. */
  private arrayAt = 0;
  private arrayNulls = 0;

  constructor(private readonly chunkBytes = 1 << 20) {
    this.buf = new Uint8Array(chunkBytes);
  }

  /** Bytes written into the current buffer. */
  get length(): number {
    return this.pos;
  }

  /**
   * Makes room for a row of at most `bytes` bytes. Returns the filled part of the previous
   * buffer when it had no room left (null otherwise).
   */
  reserve(bytes: number): Uint8Array<ArrayBuffer> | null {
    if (this.pos + bytes <= this.buf.length) return null;
    const done = this.pos ? this.buf.subarray(0, this.pos) : null;
    this.buf = new Uint8Array(Math.max(this.chunkBytes, bytes));
    this.pos = 0;
    return done;
  }

  /** The rows written so far; the next row starts a new buffer. */
  take(): Uint8Array<ArrayBuffer> {
    const done = this.buf.subarray(0, this.pos);
    this.buf = new Uint8Array(this.chunkBytes);
    this.pos = 0;
    return done;
  }

  private u16(v: number): void {
    const b = this.buf;
    const p = this.pos;
    b[p] = (v >>> 8) & 0xff;
    b[p + 1] = v & 0xff;
    this.pos = p + 2;
  }

  private u32(v: number): void {
    const b = this.buf;
    const p = this.pos;
    b[p] = (v >>> 24) & 0xff;
    b[p + 1] = (v >>> 16) & 0xff;
    b[p + 2] = (v >>> 8) & 0xff;
    b[p + 3] = v & 0xff;
    this.pos = p + 4;
  }

  /** Starts a row of `fields` columns. */
  fields(fields: number): void {
    this.u16(fields);
  }

  null(): void {
    this.u32(0xffffffff);
  }

  int2(v: number | null): void {
    if (v === null) return this.null();
    if (!Number.isInteger(v) || v < INT2_MIN || v > INT2_MAX) {
      throw new RangeError(`COPY: ${v} does not fit smallint`);
    }
    this.u32(2);
    this.u16(v & 0xffff);
  }

  int4(v: number | null): void {
    if (v === null) return this.null();
    if (!Number.isInteger(v) || v < INT4_MIN || v > INT4_MAX) {
      throw new RangeError(`COPY: ${v} does not fit integer`);
    }
    this.u32(4);
    this.u32(v >>> 0);
  }

  bool(v: boolean): void {
    this.u32(1);
    this.buf[this.pos++] = v ? 1 : 0;
  }

  /** Bytes already encoded (UTF-8 text), or NULL. */
  bytes(v: Uint8Array | null): void {
    if (v === null) return this.null();
    this.u32(v.length);
    this.buf.set(v, this.pos);
    this.pos += v.length;
  }

  /** Text as UTF-8; at most `3 * v.length` bytes (the caller reserves that much). */
  text(v: string | null): void {
    if (v === null) return this.null();
    const start = this.pos;
    this.pos += 4;
    const b = this.buf;
    let p = this.pos;
    let ascii = true;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      b[p++] = c;
    }
    if (!ascii) p = this.pos + encoder.encodeInto(v, b.subarray(this.pos)).written;
    this.pos = start;
    this.u32(p - start - 4);
    this.pos = p;
  }

  /**
   * Starts a one-dimensional smallint[] of `n` elements; `item` writes each element, `endArray`
   * closes it. At most `24 + 6 * n` bytes. (Element by element rather than through a callback:
   * a closure per row costs more than the row under tsx, which names every function it makes.)
   */
  beginInt2Array(n: number): void {
    this.arrayAt = this.pos;
    this.arrayNulls = 0;
    this.pos += 12; // length, dimensions and the NULL flag: written by `endArray`
    this.u32(INT2_OID);
    this.u32(n);
    this.u32(1); // lower bound
  }

  /** An array element (after `beginInt2Array`). */
  item(v: number | null): void {
    if (v === null) this.arrayNulls = 1;
    this.int2(v);
  }

  endArray(): void {
    const end = this.pos;
    this.pos = this.arrayAt;
    this.u32(end - this.arrayAt - 4);
    this.u32(1); // dimensions
    this.u32(this.arrayNulls);
    this.pos = end;
  }
}
