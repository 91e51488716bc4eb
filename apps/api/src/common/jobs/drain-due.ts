/**
 * Works through the rows a scheduled job finds due, batch after batch, until none is left. A row
 * whose work fails is left out for the rest of the run (its next run retries it), and each fetch
 * asks for that many more rows, so failed rows can neither loop the run nor hide the others.
 * `work` answers false for a failure it has already logged; it may throw too.
 */
export async function drainDue<Row extends { id: string }>(
  fetchDue: (take: number) => Promise<Row[]>,
  batch: number,
  work: (row: Row) => Promise<boolean>,
  onError: (row: Row, error: unknown) => void,
): Promise<{ done: number; failures: number }> {
  const failed = new Set<string>();
  const run = { done: 0, failures: 0 };
  for (;;) {
    const due = (await fetchDue(batch + failed.size)).filter((row) => !failed.has(row.id));
    if (due.length === 0) return run;
    for (const row of due) {
      let ok: boolean;
      try {
        ok = await work(row);
      } catch (error) {
        onError(row, error);
        ok = false;
      }
      if (ok) {
        run.done += 1;
      } else {
        failed.add(row.id);
        run.failures += 1;
      }
    }
  }
}
