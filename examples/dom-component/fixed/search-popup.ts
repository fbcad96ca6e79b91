// FIXED: every listener on something the popup does not own is bound to one AbortSignal, and
// closing the popup aborts it. Listeners on its own element need nothing: they go with it.
export class SearchPopup {
  readonly element = document.createElement('div');
  readonly #listeners = new AbortController();
  #query = '';

  constructor(private readonly anchor: HTMLElement) {
    const { signal } = this.#listeners;
    window.addEventListener('resize', () => this.position(), { signal });
    document.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape') this.close();
      },
      { signal },
    );
    anchor.addEventListener(
      'input',
      () => {
        this.#query = (anchor as HTMLInputElement).value;
      },
      { signal },
    );
    this.element.addEventListener('click', () => this.close());
  }

  get query(): string {
    return this.#query;
  }

  position(): void {
    const box = this.anchor.getBoundingClientRect();
    this.element.style.top = `${box.bottom}px`;
  }

  close(): void {
    this.#listeners.abort();
    this.element.remove();
  }
}
