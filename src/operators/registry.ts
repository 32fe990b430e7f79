import { all } from './all.js';
import { any } from './any.js';
import { atLeast } from './at-least.js';
import { atMost } from './at-most.js';
import { countAtLeast } from './count-at-least.js';
import { equals } from './equals.js';
import { every } from './every.js';
import { includesAll } from './includes-all.js';
import { includesAny } from './includes-any.js';
import { nonEmpty } from './non-empty.js';
import { not } from './not.js';
import { oneOf } from './one-of.js';
import type { Operator } from './operator.js';
import { osiApproved } from './osi-approved.js';
import { some } from './some.js';
import { todo } from './todo.js';
import { when } from './when.js';
import { within } from './within.js';

/** The check vocabulary of criteria files, by the name a criteria file uses. */
export const operators: ReadonlyMap<string, Operator> = new Map(
  [
    all,
    any,
    not,
    when,
    some,
    every,
    countAtLeast,
    equals,
    oneOf,
    includesAny,
    includesAll,
    atLeast,
    atMost,
    nonEmpty,
    within,
    osiApproved,
    todo,
  ].map((op) => [op.name, op as Operator]),
);
