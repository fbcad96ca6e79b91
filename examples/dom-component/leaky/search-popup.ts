// LEAKY: a popup that a page opens and closes many times. Its listeners on `window` and
// `document` are inline arrows that can never be removed, so every closed popup stays reachable
// from the window, with its DOM subtree.
export class SearchPopup {
  readonly element = document.createElement('div');
  #query = '';

  constructor(private readonly anchor: HTMLElement) {
    window.addEventListener('resize', () => this.position());
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.close();
    });
    anchor.addEventListener('input', () => {
      this.#query = (anchor as HTMLInputElement).value;
    });
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
    this.element.remove();
  }
}
