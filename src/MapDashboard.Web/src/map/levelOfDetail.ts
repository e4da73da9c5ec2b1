/**
 * Level of detail, in metres per pixel of the view (EPSG:3857). A wall at district zoom needs the grids' colours and
 * what stands out; a city district at that zoom holds 51,000 building footprints, 60,000 unvisited marks, 10,000
 * hazards and 2,000 workers, which drew as a carpet and cost seconds a frame (bench wall, src/MapDashboard.Web/README.md).
 * Below these resolutions the detail comes back.
 */

/** Street zoom (about zoom 15.9): building footprints on the wall, worker names on every view. */
export const STREET_RESOLUTION = 2.5;

/**
 * A few communities on screen (about zoom 14.3). From here in: every hazard (further out only the unresolved
 * critical ones), the unvisited marks, micro-grid hairlines, today's tracks and coverage (a city's 2,000 tracks and
 * 1,607 coverage areas, reloaded every 15 s, are a faint carpet at district zoom that costs every redraw of
 * the map), and on /lead and /plan the building footprints — a demo-sized district fitted to a desk screen (or the
 * wall) still shows them, a city zoomed out does not load them.
 */
export const NEIGHBOURHOOD_RESOLUTION = 8;
