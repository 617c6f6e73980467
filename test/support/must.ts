// Indexed access in tests (the tree type-checks with noUncheckedIndexedAccess): instead of a `!`, these
// fail the test with a message naming what was missing.

/** The element at `index` (negative counts from the end); fails the test when there is none. */
export function at<T>(items: ArrayLike<T> | undefined, index: number, what = 'an element'): T {
  if (items === undefined) throw new Error(`expected ${what} at index ${index}, but there is no list`);
  const i = index < 0 ? items.length + index : index;
  if (!Number.isInteger(i) || i < 0 || i >= items.length) {
    throw new Error(`expected ${what} at index ${index}, but there are ${items.length}`);
  }
  // In range (checked above); the element itself may be any T.
  return items[i] as T;
}

/** `value` itself; fails the test when it is undefined or null. */
export function must<T>(value: T, what: string): NonNullable<T> {
  if (value === undefined || value === null) throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
