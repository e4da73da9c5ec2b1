import 'ol/ol.css';
import './style.css';
import { wallView } from './views/wall';
import { leadView } from './views/lead';
import { planView } from './views/plan';
import { signinView } from './views/signin';
import { fieldView } from './views/field';
import { reportView } from './views/report';
import { reportTrackView } from './views/reportTrack';
import { adminImportView } from './views/adminImport';
import { t } from './i18n';
import { errorText } from './ui/errorText';

// One bundle, the views and the sign-in page: the server answers /wall, /lead, /plan, /field and /signin with this page.
const views: Record<string, (root: HTMLElement) => Promise<void>> = {
  '/wall': wallView,
  '/lead': leadView,
  '/plan': planView,
  '/signin': signinView,
  '/field': fieldView,
  '/report': reportView,
  '/admin/import': adminImportView,
};

const root = document.getElementById('app')!;
const path = location.pathname.replace(/\/+$/, '') || '/wall';
// The resident's tracking page carries its token in the path: /report/track/{token}.
const view = views[path] ?? (path.startsWith('/report/track/') ? reportTrackView : wallView);

view(root).catch((e: unknown) => {
  console.error(e);
  root.append(Object.assign(document.createElement('div'), {
    className: 'fatal',
    textContent: `${t('loadFailed')}: ${errorText(e)}`,
  }));
  // The wall runs unattended: if the server was down when it started, try again later
  // rather than show an error until someone walks up to it.
  if (view === wallView) setTimeout(() => location.reload(), 30_000);
});
