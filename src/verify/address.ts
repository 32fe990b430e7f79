import { BlockList, isIP } from 'node:net';

// IPv4 ranges that are not globally reachable (IANA special-purpose registry): "this network",
// private, CGNAT, loopback, link-local, IETF assignments, documentation, benchmarking, multicast,
// reserved and broadcast.
const NON_PUBLIC_V4: readonly [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];

// Only global unicast (2000::/3) can be public; inside it, these are not: IETF protocol assignments
// (Teredo among them), documentation, 6to4 (it tunnels to an arbitrary IPv4 address).
const NON_PUBLIC_V6_IN_GLOBAL: readonly [string, number][] = [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
];

const nonPublicV4 = blockList(NON_PUBLIC_V4, 'ipv4');
const nonPublicV6 = blockList(NON_PUBLIC_V6_IN_GLOBAL, 'ipv6');
const globalUnicastV6 = blockList([['2000::', 3]], 'ipv6');
const ipv4MappedV6 = blockList([['::ffff:0:0', 96]], 'ipv6');

function blockList(subnets: readonly [string, number][], type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}

/**
 * True when `address` (an IP address as text, IPv6 with or without brackets or zone) is publicly
 * routable. Anything that is not an IP address, or is loopback, private, link-local, CGNAT,
 * multicast, unspecified, reserved or documentation space, is not. IPv4-mapped IPv6 addresses are
 * judged by the IPv4 address they carry.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return !nonPublicV4.check(bare, 'ipv4');
  if (family !== 6) return false;
  // BlockList matches an IPv4-mapped IPv6 address against its IPv4 rules.
  if (ipv4MappedV6.check(bare, 'ipv6')) return !nonPublicV4.check(bare, 'ipv6');
  return globalUnicastV6.check(bare, 'ipv6') && !nonPublicV6.check(bare, 'ipv6');
}
