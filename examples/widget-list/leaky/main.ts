import { runSession } from '../shared/session.js';
import { ListView } from './list-view.js';

console.log(`leaky: ${await runSession(ListView)}`);
