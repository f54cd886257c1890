// Redis Cluster's key → slot function (CRC16/XMODEM of the hash tag, mod 16384), and for every slot a short
// tag that lands in it: a counter kept "beside" a person must live in the person's slot to be written by
// the same script.

export const CLUSTER_SLOTS = 16_384;

const TABLE = (() => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

export function crc16(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) & 0xffff) ^ TABLE[((crc >> 8) ^ byte) & 0xff]!;
  return crc;
}

/** The part of a key Redis hashes: the first `{…}` with something inside, else the whole key. */
export function hashTagOf(key: string): string {
  const open = key.indexOf('{');
  if (open === -1) return key;
  const close = key.indexOf('}', open + 1);
  return close === -1 || close === open + 1 ? key : key.slice(open + 1, close);
}

export function hashSlot(key: string): number {
  return crc16(Buffer.from(hashTagOf(key), 'utf8')) % CLUSTER_SLOTS;
}

let slotTags: string[] | undefined;

/** A short tag whose slot is `slot` (the first base-36 number that lands there; about 170,000 tries once). */
export function tagOfSlot(slot: number): string {
  if (!slotTags) {
    const tags = new Array<string>(CLUSTER_SLOTS);
    let found = 0;
    for (let candidate = 0; found < CLUSTER_SLOTS; candidate += 1) {
      const tag = candidate.toString(36);
      const at = hashSlot(tag);
      if (tags[at] === undefined) {
        tags[at] = tag;
        found += 1;
      }
    }
    slotTags = tags;
  }
  return slotTags[slot]!;
}
