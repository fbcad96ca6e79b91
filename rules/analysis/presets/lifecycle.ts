// The lifecycle pairs of the frameworks the presets model: an up method whose connections the down
// method must end. A preset declares the pairs of its API (EmitterModel.lifecyclePairs); a pair
// judges the connections that preset recognises. Users add their own with the rules' option
// `lifecyclePairs` (docs/rules/no-unbound-closure-slot.md).
import type { LifecyclePair } from '../emitter-model.js';

/** Pairs of no particular framework: an object started, opened, attached or mounted, then ended. */
export const COMMON_LIFECYCLE_PAIRS: readonly LifecyclePair[] = [
  { up: 'start', down: 'stop' },
  { up: 'open', down: 'close' },
  { up: 'attach', down: 'detach' },
  { up: 'mount', down: 'unmount' },
  { up: 'activate', down: 'deactivate' },
  // The object's whole life: what the constructor connects, dispose() (or destroy()) ends.
  { up: 'constructor', down: 'dispose' },
  { up: 'constructor', down: 'destroy' },
];

/** Web components and the component frameworks of the DOM. */
export const WEB_LIFECYCLE_PAIRS: readonly LifecyclePair[] = [
  { up: 'connectedCallback', down: 'disconnectedCallback' }, // custom elements (and lit's LitElement)
  { up: 'hostConnected', down: 'hostDisconnected' }, // lit's ReactiveController
  { up: 'componentDidMount', down: 'componentWillUnmount' }, // React class components
  { up: 'ngOnInit', down: 'ngOnDestroy' }, // Angular
  { up: 'ngAfterViewInit', down: 'ngOnDestroy' },
  ...COMMON_LIFECYCLE_PAIRS,
];
