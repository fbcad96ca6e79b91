// The leaky example as a dev build starts it: leak detection on (NODE_ENV is not "production"), with
// creation and connect sites recorded so that reports point at the lines to fix.
import { configureLeakDetection } from 'slotguard';
import { runSession } from '../shared/session.js';
import { ListView } from './list-view.js';

configureLeakDetection({ captureStacks: true });
console.log(`leaky: ${await runSession(ListView)}`);
