import { describe, expect, it } from 'vitest';
import { check } from './helpers/checks.js';

const kdf = (value: string) => ({ equals: { path: 'facts.kdf', value } });
const memory = (value: number) => ({ 'at-least': { path: 'facts.kdf_memory_mb', value } });
const strongKdf = {
  any: [{ all: [kdf('argon2id'), memory(64)] }, { all: [kdf('scrypt'), memory(16)] }, kdf('bcrypt')],
};

describe('reasons that do not repeat themselves', () => {
  it('names each missing fact once, however many alternatives read it', () => {
    expect(check(strongKdf, {})).toEqual({
      status: 'unknown',
      reason: 'facts.kdf is not given; facts.kdf_memory_mb is not given',
      path: 'facts.kdf',
    });
  });

  it('joins the clauses one way when nested checks mix all and any', () => {
    const reason = check({ all: [{ any: [kdf('a'), memory(1)] }, kdf('b')] }, {}).reason;
    expect(reason).toBe('facts.kdf is not given; facts.kdf_memory_mb is not given');
  });

  it('keeps "or" between the alternatives of a single any', () => {
    expect(check({ any: [kdf('a'), memory(1)] }, {}).reason).toBe(
      'facts.kdf is not given; or facts.kdf_memory_mb is not given',
    );
    expect(check({ any: [kdf('a'), memory(1)] }, { facts: { kdf: 'md5' } }).reason).toBe(
      'facts.kdf is md5, needs a; or facts.kdf_memory_mb is not given',
    );
  });

  it('names a fact once when the same failing clause comes from several alternatives', () => {
    expect(check({ any: [kdf('a'), kdf('a')] }, { facts: { kdf: 'md5' } }).reason).toBe('facts.kdf is md5, needs a');
  });
});
