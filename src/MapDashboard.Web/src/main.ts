import 'ol/ol.css';
import './style.css';
import { wallView } from './views/wall';
import { leadView } from './views/lead';
import { planView } from './views/plan';
import { signinView } from './views/signin';
import { fieldView } from './views/field';
import { t } from './i18n';
import { errorText } from './ui/errorText';

// One bundle, the views and the sign-in page: the server answers /wall, /lead, /plan, /field and /signin with this page.
const views: Record<string, (root: HTMLElement) => Promise<void>> = {
  '/wall': wallView,
  '/lead': leadView,
  '/plan': planView,
  '/signin': signinView,
  '/field': fieldView,
};

const root = document.getElementById('app')!;
const path = location.pathname.replace(/\/+$/, '') || '/wall';
const view = views[path] ?? wallView;

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
