/** Remembers fn's result per input (a few detectors ask for the same field's structure); cleared when full. */
export function memo<T>(limit: number, fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string) => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      v = fn(text);
      cache.set(text, v);
    }
    return v;
  };
}
