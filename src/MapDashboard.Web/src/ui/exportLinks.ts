import { lang, t, type StringKey } from '../i18n';
import { el } from './dom';

/** The layers a leader downloads for a unit, with the label of each (the server serves every layer; these are the desk's). */
const LAYERS: [string, StringKey][] = [
  ['grids', 'exportGrids'], ['buildings', 'exportBuildings'], ['hazards', 'exportHazards'], ['incidents', 'exportIncidents'],
];

/**
 * Downloads of a unit on /lead (GET /api/exports/{unit}/…, signed in by the session cookie like every read): each
 * layer as GeoPackage and GeoJSON, the incidents and the indicators as CSV for Excel. The server names the files
 * (the unit's name) and masks personal data as on the map; the CSVs' column names are in the page's language.
 * data-testid: export-links; each link data-export="{layer}.{format}" or "incidents.csv" / "indicators.csv".
 */
export function exportLinks(unitCode: string): HTMLElement {
  const base = `/api/exports/${encodeURIComponent(unitCode)}`;
  const link = (href: string, label: string, key: string) =>
    el('a', { class: 'btn export-link', href, download: '', 'data-export': key }, label);
  return el('div', { class: 'export-links', 'data-testid': 'export-links' },
    el('h3', {}, t('exportTitle')),
    el('ul', {}, ...LAYERS.map(([layer, label]) => el('li', {},
      el('span', {}, t(label)),
      link(`${base}/layers/${layer}.gpkg`, 'GeoPackage', `${layer}.gpkg`),
      link(`${base}/layers/${layer}.geojson`, 'GeoJSON', `${layer}.geojson`)))),
    el('div', { class: 'export-csv' },
      link(`${base}/incidents.csv?lang=${lang()}`, t('exportIncidentsCsv'), 'incidents.csv'),
      link(`${base}/indicators.csv?lang=${lang()}`, t('exportIndicatorsCsv'), 'indicators.csv')));
}
