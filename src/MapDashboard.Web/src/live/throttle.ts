/**
 * Runs `run` at most once every `ms`: at once if the last run is that old, else when it will be (one timer, however
 * many times `schedule` is called meanwhile); `now()` runs it at once whatever the time.
 */
export function atMostEvery(ms: number, run: () => void) {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    last = performance.now();
    run();
  };
  return {
    schedule() {
      if (timer !== undefined) return;
      const wait = last + ms - performance.now();
      if (wait <= 0) fire();
      else timer = setTimeout(fire, wait);
    },
    now: fire,
  };
}
