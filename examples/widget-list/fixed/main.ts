import { runSession } from '../shared/session.js';
import { ListView } from './list-view.js';

console.log(`fixed: ${await runSession(ListView)}`);
