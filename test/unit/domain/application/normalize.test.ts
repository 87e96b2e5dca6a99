import { describe, expect, it } from 'vitest';
import {
  parseEmail,
  parseHoursPerWeek,
  parseNodeCount,
  parseSizeGb,
  parseUsername,
  parseVcpu,
  parseYesNo,
  splitSpecs,
} from '../../../../src/domain/application/index.js';

describe('parseSizeGb', () => {
  it.each([
    ['4GB', 4],
    ['4 GB', 4],
    ['4 gb', 4],
    ['4096 MB', 4],
    ['4,096 MB', 4],
    ['8 GiB', 8],
    ['4g', 4],
    ['1TB', 1024],
    ['1.5 TB', 1536],
    ['3.9 GB', 3.9],
    ['3,9 GB', 3.9],
    ['80GB NVMe SSD', 80],
    ['DDR4 8GB', 8],
    ['16 gigs', 16],
    ['4', 4],
    ['RAM: 4 GB', 4],
  ])('%j is %d GB', (text, gb) => {
    expect(parseSizeGb(text)).toBeCloseTo(gb, 6);
  });

  it.each(['', 'plenty', 'GB'])('%j is not a size', (text) => {
    expect(parseSizeGb(text)).toBeUndefined();
  });
});

describe('parseVcpu', () => {
  it.each([
    ['2', 2],
    ['2 vCPU', 2],
    ['2vcpu', 2],
    ['4 vCPUs', 4],
    ['2 cores', 2],
    ['8 threads', 8],
    ['CPU: 4', 4],
    ['2x vCPU', 2],
    ['4 dedicated vCPU', 4],
    ['2 (AMD EPYC)', 2],
  ])('%j is %d', (text, count) => {
    expect(parseVcpu(text)).toBe(count);
  });

  it.each(['', 'fast', '2.4GHz'])('%j is not a vCPU count', (text) => {
    expect(parseVcpu(text)).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    'yes',
    'Yes',
    'YES',
    'y',
    'Y',
    'true',
    'Yes, I agree',
    'I agree',
    '**Yes** / No',
    'Yes / ~~No~~',
    '[x] Yes [ ] No',
  ])('%j is yes', (text) => {
    expect(parseYesNo(text)).toBe(true);
  });

  it.each(['no', 'No', 'n', 'N', 'false', 'No, sorry', 'not yet', '~~Yes~~ / No', 'Yes / **No**'])(
    '%j is no',
    (text) => {
      expect(parseYesNo(text)).toBe(false);
    },
  );

  it.each(['', 'Yes / No', 'yes or no', 'maybe', '**Yes** / **No**'])('%j is no answer', (text) => {
    expect(parseYesNo(text)).toBeUndefined();
  });
});

describe('parseNodeCount and parseHoursPerWeek', () => {
  it.each([
    ['3', 3],
    ['3 nodes', 3],
    ['three', 3],
    ['10', 10],
    ['0', 0],
  ])('nodes %j is %d', (text, count) => {
    expect(parseNodeCount(text)).toBe(count);
  });

  it.each(['', 'a few', '2.5'])('nodes %j is not a count', (text) => {
    expect(parseNodeCount(text)).toBeUndefined();
  });

  it.each([
    ['20', 20],
    ['20h', 20],
    ['~15 hrs', 15],
    ['20-30 hours/week', 20],
  ])('hours %j is %d', (text, hours) => {
    expect(parseHoursPerWeek(text)).toBe(hours);
  });
});

describe('splitSpecs', () => {
  it.each([
    [
      '2 vCPU / 4GB RAM / 80GB SSD / 1TB bandwidth',
      { vcpu: '2 vCPU', ramGb: '4GB RAM', diskGb: '80GB SSD', bandwidth: '1TB' },
    ],
    ['2 cores, 4096 MB RAM, 80 GiB NVMe', { vcpu: '2 cores', ramGb: '4096 MB RAM', diskGb: '80 GiB NVMe' }],
    [
      '4GB RAM | 2 vCPU | 20 TB/mo traffic | 160GB disk',
      { vcpu: '2 vCPU', ramGb: '4GB RAM', diskGb: '160GB disk', bandwidth: '20 TB/mo' },
    ],
    ['2 / 4GB / 80GB / 1TB', { vcpu: '2', ramGb: '4GB', diskGb: '80GB', bandwidth: '1TB' }],
    [
      'CPU: 2\nRAM: 4 GB\nStorage: 80 GB\nBandwidth: 1 Gbit/s',
      { vcpu: 'CPU: 2', ramGb: 'RAM: 4 GB', diskGb: 'Storage: 80 GB', bandwidth: '1 Gbit/s' },
    ],
  ])('splits %j', (text, parts) => {
    expect(splitSpecs(text)).toEqual(parts);
  });
});

describe('usernames and emails', () => {
  it.each([
    ['alice', 'alice'],
    ['@alice', 'alice'],
    [' @Alice.B-c_d ', 'Alice.B-c_d'],
    ['[@alice](https://forge.example/alice)', 'alice'],
    ['https://forge.example/alice', 'alice'],
    ['`@alice`', 'alice'],
  ])('username %j is %s', (text, name) => {
    expect(parseUsername(text)).toBe(name);
  });

  it.each([
    ['a@b.io', 'a@b.io'],
    ['<a@b.io>', 'a@b.io'],
    ['mailto:a@b.io', 'a@b.io'],
    ['[a@b.io](mailto:a@b.io)', 'a@b.io'],
  ])('email %j is %s', (text, email) => {
    expect(parseEmail(text)).toBe(email);
  });
});
