// Reading one element of a list in a test: fails with a clear message when there is no such element,
// so a test reads `at(res.choices, 0).message` instead of asserting with `!` that the element exists.

/** list[i] (a negative i counts from the end), or an error naming the index and the length. */
export function at<T>(list: readonly T[] | undefined, i: number): T {
  const value = list?.at(i);
  if (value === undefined) throw new Error(`expected an element at index ${i}, the list has ${list?.length ?? 'no'} elements`);
  return value;
}
