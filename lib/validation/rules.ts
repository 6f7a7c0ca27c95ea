import { partitionOf } from '../naming/partition';
import { Problem } from './problem';

/**
 * Rules on meaning that a JSON schema cannot state (shapes are the config schema's). Each returns a
 * message when the value is wrong (completing the sentence "<field>: <value> ...") and undefined when it
 * is fine.
 */

export type Rule<T> = (value: T) => string | undefined;

/** What `rule` finds wrong with `value` (named `field`), or with each item of a list (`field[i]`); nothing for undefined. */
export function ruleProblems(field: string, value: string | readonly string[] | undefined, rule: Rule<string>): Problem[] {
  const items = typeof value === 'string' ? [{ field, value }] : (value ?? []).map((item, i) => ({ field: `${field}[${i}]`, value: item }));
  return items.flatMap((item) => {
    const message = rule(item.value);
    return message ? [{ ...item, message }] : [];
  });
}

/** A client network must not have host bits set (`10.0.0.0/16`, not `10.0.0.1/16`): AWS would refuse it. */
export const cidrWithoutHostBits: Rule<string> = (value) => {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!match) {
    return undefined; // not a CIDR at all: the shape's to say
  }
  const address = match
    .slice(1, 5)
    .map(Number)
    .reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - Number(match[5]));
  const network = address - (address % size);
  return network === address ? undefined : `has host bits set; did you mean "${toDotted(network)}/${match[5]}"?`;
};

/** An S3 bucket ARN in the partition of `region`. */
export function inPartitionOf(region: string): Rule<string> {
  return (arn) => {
    const partition = /^arn:([a-z-]+):/.exec(arn)?.[1];
    const expected = partitionOf(region);
    return partition === undefined || partition === expected
      ? undefined
      : `is in partition "${partition}", but ${region} is in "${expected}"`;
  };
}

/** A security group description AWS accepts: at most 255 characters from a restricted ASCII set. */
export const securityGroupDescription: Rule<string> = (value) =>
  /^[A-Za-z0-9. _\-:/()#,@[\]+=&;{}!$*]{0,255}$/.test(value)
    ? undefined
    : 'is not a valid security group description (at most 255 of: letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*)';

function toDotted(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}
