import { api, type TerritoryUnit } from '../api';
import { fitBBox } from '../map/createMap';
import { installHook } from '../hook';
import { light } from '../theme';
import { selectionLayer } from '../layers/selection';
import { territoryTree } from '../ui/tree';
import { searchBox } from '../ui/search';
import { gridPanel } from '../ui/gridPanel';
import { featurePopup } from '../ui/featurePopup';
import { deskLayout } from './deskLayout';

const SELECTABLE_GRIDS = new Set(['community_grid', 'dedicated_grid']);

// The leader view: navigate district → street → community → grid, open a grid's card.
// The selected grid lives in the URL (/lead?grid=CODE) so a link opens the same grid.
export async function leadView(root: HTMLElement): Promise<void> {
  const { ctx, side, mapWrap, live } = await deskLayout(root, 'view-lead', 'leadTitle');
  const { map, categories } = ctx;
  const selection = selectionLayer(light);
  map.addLayer(selection.layer);
  const popup = featurePopup(map, categories);
  let selected: string | null = null;

  const panel = gridPanel(categories, () => {
    selected = null;
    selection.clear();
    panel.hide();
    setUrlGrid(null);
  });
  mapWrap.append(panel.element);

  async function selectGrid(code: string, animate: boolean) {
    const collection = await api.grid(code);
    selected = code;
    selection.show(collection);
    panel.show(collection);
    tree.reveal(code);
    fitBBox(map, collection.grid.bbox, animate, [80, 440, 80, 80]); // right padding: the card
    setUrlGrid(code);
  }

  function pick(u: TerritoryUnit) {
    popup.hide();
    if (SELECTABLE_GRIDS.has(u.kind)) void selectGrid(u.code, true);
    else { tree.reveal(u.code); fitBBox(map, u.bbox, true); }
  }

  const tree = territoryTree(ctx.units, pick);
  side.append(searchBox(pick), tree.element);

  // Map clicks: a hazard or building shows its properties; a grid opens its card.
  map.on('singleclick', (e) => {
    const hits = map.getFeaturesAtPixel(e.pixel, { hitTolerance: 4 });
    const hazard = hits.find((f) => f.get('category') !== undefined && f.get('severity') !== undefined);
    const building = hits.find((f) => f.get('households') !== undefined);
    if (hazard) return popup.show('hazard', hazard.getProperties(), e.coordinate);
    if (building) return popup.show('building', building.getProperties(), e.coordinate);
    popup.hide();
    const grid = hits.find((f) => SELECTABLE_GRIDS.has(f.get('kind')));
    if (grid) void selectGrid(grid.get('code'), true);
  });

  const initial = new URLSearchParams(location.search).get('grid');
  const loaded = initial ? selectGrid(initial, false).catch((e) => console.error(e)) : Promise.resolve();
  installHook('lead', map, light, loaded, { selectedGrid: () => selected, live: live.status });
}

function setUrlGrid(code: string | null) {
  const url = new URL(location.href);
  if (code) url.searchParams.set('grid', code); else url.searchParams.delete('grid');
  history.replaceState(history.state, '', url);
}
