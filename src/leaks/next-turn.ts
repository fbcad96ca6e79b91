// A turn of the event loop: where FinalizationRegistry callbacks of the last collection have run.
// `setImmediate` in Node; `setTimeout(0)` where there is none (browsers).

export function onNextTurn(callback: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(callback);
  else setTimeout(callback, 0);
}

export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    onNextTurn(resolve);
  });
}
