// The wall benchmark's measurement, run in the page: requestAnimationFrame gaps and long tasks over `ms`.
// The long-task observer is created here, not buffered from page start, so the count covers the window only.
(ms) => new Promise((resolve) => {
  const gaps = [];
  let longTasks = 0;
  let longTaskMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) { longTasks++; longTaskMs += e.duration; }
  });
  observer.observe({ type: 'longtask' });
  const end = performance.now() + ms;
  let last = null;
  const tick = (t) => {
    if (last !== null) gaps.push(t - last);
    last = t;
    if (t < end) requestAnimationFrame(tick);
    else setTimeout(() => { observer.disconnect(); resolve({ gaps, longTasks, longTaskMs }); }, 0);
  };
  requestAnimationFrame(tick);
})
