import type { FieldTask } from './taskList';

/**
 * Whether a live change of the incidents layer may change my task list, so /field reads it again only then, not on
 * every change in the district: a change of one of my tasks (escalated, taken away, reassigned, declined), or an
 * incident just dispatched (it may be to me: the live feature does not name the worker, on purpose — the wall
 * receives it too). The grid is no better signal: a report in my grid becomes my task only when it is dispatched
 * (caught here), and a task may be dispatched to me from outside my grid (the nearest available worker). Reports,
 * acceptances, resolutions, ratings and closings of others' incidents are left alone; the minute's refresh and every
 * answer of my own sends still read the list.
 */
export function concernsMyTasks(properties: Record<string, unknown>, mine: readonly FieldTask[]): boolean {
  return properties.stage === 'dispatched' || mine.some((task) => task.code === properties.code);
}
