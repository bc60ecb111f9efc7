/** IPv4 CIDR arithmetic for the simulated VPCs and subnets. */

export interface Cidr {
  /** The network address as an unsigned 32-bit number (host bits cleared). */
  base: number;
  prefix: number;
}

const toInt = (a: string): number | undefined => {
  const parts = a.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
};

/** Parses `a.b.c.d/n`; undefined when it is not one. Host bits must be zero, as EC2 requires for VPCs and subnets. */
export function parseCidr(s: string | undefined): Cidr | undefined {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(s ?? '');
  if (!m) return undefined;
  const addr = toInt(m[1]!);
  const prefix = Number(m[2]);
  if (addr === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  if (addr % size !== 0) return undefined;
  return { base: addr, prefix };
}

const size = (c: Cidr) => 2 ** (32 - c.prefix);

/** True when `inner` lies entirely inside `outer`. */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && inner.base >= outer.base && inner.base + size(inner) <= outer.base + size(outer);
}

export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + size(b) && b.base < a.base + size(a);
}

/** The addresses a subnet offers: AWS reserves five per subnet. */
export function usableAddresses(c: Cidr): number {
  return size(c) - 5;
}
