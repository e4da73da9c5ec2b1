import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style';
import { fromLonLat } from 'ol/proj';
import type { FieldTask } from './taskList';
import type { Fix } from './pings';

const taskStyle = (f: Feature) => new Style({
  image: new Circle({ radius: 9, fill: new Fill({ color: f.get('stage') === 'accepted' ? '#2f7d32' : '#d9480f' }), stroke: new Stroke({ color: '#fff', width: 2 }) }),
  text: new Text({ text: String(f.get('code') ?? ''), offsetY: -18, font: '12px sans-serif', fill: new Fill({ color: '#222' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
});
const meStyle = new Style({
  image: new Circle({ radius: 8, fill: new Fill({ color: '#1971c2' }), stroke: new Stroke({ color: '#fff', width: 3 }) }),
});

/** My tasks and my position on the field page's small map (layer names "fieldTasks", "fieldMe" for the test hook). */
export function fieldLayers() {
  const tasks = new VectorSource();
  const me = new VectorSource();
  const tasksLayer = new VectorLayer({ source: tasks, style: (f) => taskStyle(f as Feature), zIndex: 50 });
  const meLayer = new VectorLayer({ source: me, style: meStyle, zIndex: 51 });
  tasksLayer.set('name', 'fieldTasks');
  meLayer.set('name', 'fieldMe');
  return {
    layers: [tasksLayer, meLayer],
    showTasks(list: FieldTask[]) {
      tasks.clear();
      tasks.addFeatures(list.map((x) => new Feature({ geometry: new Point(fromLonLat(x.location)), code: x.code, stage: x.stage })));
    },
    showMe(fix: Fix) {
      me.clear();
      me.addFeature(new Feature({ geometry: new Point(fromLonLat([fix.lon, fix.lat])), accuracy: fix.accuracy }));
    },
  };
}
