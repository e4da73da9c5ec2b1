import type { Category } from '../api';
import { lang, onLang, t, type StringKey } from '../i18n';
import { categoryColour } from '../layers/hazards';
import { css, type Palette } from '../theme';
import { el } from './dom';
import { glossary } from './glossary';

// The legend mirrors the layer styles (same palette), so it cannot drift from the map.
// On the desk views it folds away (it would cover part of the map); the wall keeps it open.
// `reasons` (the wall's counts by reason, ui/gridReasons.ts) follows the colours; the glossary ends it.
export function legend(p: Palette, categories: Category[], collapsible = false, reasons?: HTMLElement): HTMLElement {
  const terms = glossary();
  const box = el(collapsible ? 'details' : 'div', { class: collapsible ? 'legend compact' : 'legend', 'data-testid': 'legend' });
  const swatch = (style: string, key: StringKey) => el('div', { class: 'legend-row' }, el('span', { class: 'swatch', style }), el('span', {}, t(key)));
  onLang(() => {
    box.replaceChildren(
      el(collapsible ? 'summary' : 'div', { class: 'legend-title' }, t('legend')),
      swatch(`background:${css(p.gridFill.red)};border:2px solid ${p.gridStroke.red}`, 'statusRed'),
      swatch(`background:${css(p.gridFill.yellow)};border:2px solid ${p.gridStroke.yellow}`, 'statusYellow'),
      swatch(`background:${css(p.gridFill.blue)};border:2px solid ${p.gridStroke.blue}`, 'statusBlue'),
      ...(reasons ? [reasons] : []),
      swatch(`border-top:2px solid ${p.microGrid};height:0`, 'microGrid'),
      swatch(`border-top:3px dashed ${p.policeGrid};height:0`, 'policeGrid'),
      swatch(`background:${p.building};border:1px solid ${p.buildingStroke}`, 'building'),
      swatch(`background:${p.building};border:2px solid ${p.ownerless}`, 'buildingOwnerless'),
      swatch(`background:${p.building};border:2px dashed ${p.disputed}`, 'buildingDisputed'),
      // As layers/findings.ts hatches a finding and layers/incidents.ts marks an incident.
      swatch(`background:repeating-linear-gradient(-45deg, ${p.hatch} 0 3px, ${p.hatchTint} 3px 8px);border:2px solid ${p.hatch}`, 'legendFindings'),
      swatch(`background:#94a3b8;border:2px solid ${p.labelHalo};width:16px;height:16px;margin:0 5px`, 'legendIncident'),
      swatch(`background:#94a3b8;border:2px solid ${p.overdue};outline:3px solid ${p.overdue};outline-offset:2px;width:14px;height:14px;margin:0 6px;border-radius:2px`, 'legendOverdue'),
      // As layers/workers.ts draws a live worker position.
      swatch(`background:${p.label};border:3px solid ${p.selection};border-radius:50%;width:14px;height:14px;margin:0 6px`, 'worker'),
      swatch(`background:rgba(148, 163, 184, 0.55);border:3px solid rgba(148, 163, 184, 0.8);border-radius:50%;width:14px;height:14px;margin:0 6px`, 'legendWorkerStale'),
      // As layers/tracks.ts, coverage.ts and unvisited.ts draw today's patrols.
      swatch(`border-top:3px solid ${p.track};height:0`, 'legendTrack'),
      swatch(`background:${css(p.coverage)};border:1px solid ${p.coverageStroke}`, 'legendCoverage'),
      swatch(`border:2px dashed ${p.unvisited};border-radius:50%;width:18px;height:18px;margin:0 4px;background:radial-gradient(circle, ${p.unvisited} 0 3px, transparent 3.5px)`, 'legendUnvisited'),
      el('div', { class: 'legend-sub' }, t('hazard')),
      el('div', { class: 'legend-cats' }, ...categories.map((c) => el('span', { class: 'legend-cat' },
        el('span', { class: 'dot', style: `background:${categoryColour(categories, c.code)}` }),
        lang() === 'en' ? c.nameEn : c.nameZh))),
      terms,
    );
  });
  return box;
}
