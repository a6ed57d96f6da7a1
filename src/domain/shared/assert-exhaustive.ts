/** Compile-time proof that every member of a union was handled. */
export function assertExhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
