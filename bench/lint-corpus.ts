// A generated TypeScript project of realistic emitter code for the lint benchmark: row widgets,
// list views that create and drop rows, async services. Some leaks on purpose (a real codebase has
// some), and plenty of promises so that no-floating-promises has real work too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Corpus {
  dir: string;
  files: number;
}

function widget(i: number): string {
  return `import { Signal, SignalObject } from 'slotguard';

export class Row${i} extends SignalObject {
  readonly clicked = new Signal<[id: number]>(this, 'clicked');
  readonly edited = new Signal<[text: string]>(this, 'edited');
  private text = '';
  constructor(parent?: SignalObject | null, readonly id = ${i}) {
    super(parent);
  }
  setText(text: string): void {
    if (text === this.text) return;
    this.text = text;
    this.edited.emit(text);
  }
  async refresh(load: (id: number) => Promise<string>): Promise<void> {
    this.setText(await load(this.id));
  }
}

export function createRow${i}(onClick: (id: number) => void): Row${i} {
  const row = new Row${i}();
  row.clicked.connect(onClick);
  return row;
}
`;
}

function view(i: number, widgets: number): string {
  const w = i % widgets;
  const leaky = i % 10 === 0;
  return `import { SignalObject } from 'slotguard';
import { Row${w}, createRow${w} } from '../widgets/row${w}.js';
import { load${i % widgets} } from '../services/service${i % widgets}.js';

export class ListView${i} extends SignalObject {
  private rows: Row${w}[] = [];
  private current: Row${w} | undefined;

  populate(ids: readonly number[]): void {
    for (const id of ids) {
      const row = createRow${w}((clicked) => this.select(clicked));
      row.setText(String(id));
      this.rows.push(row);
    }
  }

  select(id: number): void {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (row === undefined) return;
    this.current?.dispose();
    this.current = new Row${w}();
    this.current.clicked.connect(() => this.select(id));
  }

  async reload(): Promise<void> {
    for (const row of this.rows) {
      await row.refresh(load${i % widgets});
    }
    ${leaky ? 'void this.preview(1);' : 'await this.preview(1);'}
  }

  async preview(id: number): Promise<string> {
    const row = new Row${w}(this);
    row.edited.connect((text) => console.log(text));
    await row.refresh(load${i % widgets});
    return String(id);
  }

  flash(times: number): void {
    for (let i = 0; i < times; i++) {
      const row = new Row${w}();
      row.clicked.connect(() => console.log(i));
      ${leaky ? '' : 'row.dispose();'}
    }
  }

  reset(): void {
    for (const row of this.rows) row.dispose();
    this.rows = [];
    ${leaky ? 'this.rows.length = 0;' : ''}
  }

  override dispose(): void {
    this.reset();
    this.current?.dispose();
    super.dispose();
  }
}
`;
}

function service(i: number): string {
  return `const cache = new Map<number, string>();

export async function load${i}(id: number): Promise<string> {
  const known = cache.get(id);
  if (known !== undefined) return known;
  const text = await new Promise<string>((resolve) => setTimeout(() => resolve(String(id * ${i})), 0));
  cache.set(id, text);
  return text;
}

export async function warm${i}(ids: number[]): Promise<void> {
  await Promise.all(ids.map((id) => load${i}(id)));
  ${i % 7 === 0 ? `load${i}(0);` : `await load${i}(0);`}
}

export function schedule${i}(ids: number[]): void {
  void warm${i}(ids);
  queueMicrotask(() => {
    ${i % 5 === 0 ? `warm${i}(ids);` : `warm${i}(ids).catch(console.error);`}
  });
}
`;
}

/** Writes a project of `count` files (a third each: widgets, views, services) into `dir`. */
export function writeCorpus(dir: string, count: number, stubPath: string): Corpus {
  const perKind = Math.max(1, Math.floor(count / 3));
  for (const sub of ['widgets', 'views', 'services', 'stub']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'stub', 'slotguard.ts'), readFileSync(stubPath, 'utf8'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'ESNext.Disposable', 'DOM'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: [],
          paths: { slotguard: ['./stub/slotguard.ts'] },
        },
        include: ['**/*.ts'],
      },
      null,
      2,
    ),
  );
  for (let i = 0; i < perKind; i++) {
    writeFileSync(join(dir, 'widgets', `row${i}.ts`), widget(i));
    writeFileSync(join(dir, 'views', `list${i}.ts`), view(i, perKind));
    writeFileSync(join(dir, 'services', `service${i}.ts`), service(i));
  }
  return { dir, files: perKind * 3 + 1 };
}
