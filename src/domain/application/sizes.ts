import { NUMBER_PATTERN, toNumber } from './numbers.js';

const GB_PER_UNIT: Readonly<Record<string, number>> = {
  t: 1024,
  tb: 1024,
  tib: 1024,
  terabyte: 1024,
  terabytes: 1024,
  g: 1,
  gb: 1,
  gib: 1,
  gig: 1,
  gigs: 1,
  gigabyte: 1,
  gigabytes: 1,
  mb: 1 / 1024,
  mib: 1 / 1024,
  megabyte: 1 / 1024,
  megabytes: 1 / 1024,
};

const SIZE = new RegExp(
  String.raw`(${NUMBER_PATTERN})\s*(tib|tb|terabytes?|t|gib|gb|gigabytes?|gigs?|g|mib|mb|megabytes?)?(?![a-z])`,
  'gi',
);

/**
 * A RAM or disk size in GB: `4GB`, `4 GB`, `4096 MB`, `8 GiB`, `4g`, `1TB`, `80GB NVMe SSD`.
 * GiB counts as GB, MB is 1/1024 GB and TB is 1024 GB. A number with a unit is preferred to a
 * bare one (`DDR4 8GB` is 8), and a bare number is taken as GB.
 */
export function parseSizeGb(text: string): number | undefined {
  const sizes = [...text.matchAll(SIZE)].flatMap((match) => {
    const amount = toNumber(match[1] ?? '');
    if (amount === undefined || amount < 0) return [];
    const unit = match[2]?.toLowerCase();
    return [
      { gb: amount * (unit === undefined ? 1 : (GB_PER_UNIT[unit] ?? 1)), hasUnit: unit !== undefined },
    ];
  });
  return (sizes.find((size) => size.hasUnit) ?? sizes[0])?.gb;
}
