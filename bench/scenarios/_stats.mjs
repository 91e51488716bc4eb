// Small numeric helpers shared by the scenarios.

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One decimal place. */
export const round1 = (value) => Math.round(value * 10) / 10;
