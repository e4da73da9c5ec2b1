/**
 * Runs `work` `delayMs` after the last `run(input)`, and hands `show` only the answer to
 * the newest input: a slow answer for a line the planner has since dragged is dropped,
 * never drawn over the newer one. `pending()` is true from run() until that answer is shown.
 */
export function debouncedLatest<I, O>(work: (input: I) => Promise<O>, show: (output: O, input: I) => void,
  fail: (error: unknown) => void, delayMs = 250) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  let waiting = false;
  return {
    run(input: I) {
      const mine = ++generation;
      waiting = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        work(input).then((out) => { if (mine === generation) { waiting = false; show(out, input); } },
          (e) => { if (mine === generation) { waiting = false; fail(e); } });
      }, delayMs);
    },
    /** Forget what is in flight (the line was cleared). */
    cancel() { generation++; waiting = false; clearTimeout(timer); },
    pending: () => waiting,
  };
}
