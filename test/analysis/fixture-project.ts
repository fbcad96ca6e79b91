// A ts-morph Project on the rule fixtures (the CLI's way in), with one extra in-memory file.
import { join } from 'node:path';
import { Project, type SourceFile } from 'ts-morph';

export const fixtureDir = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'project');

export function projectWith(files: Record<string, string>): { project: Project; files: SourceFile[] } {
  const project = new Project({ tsConfigFilePath: join(fixtureDir, 'tsconfig.json') });
  const created = Object.entries(files).map(([name, text]) => project.createSourceFile(join(fixtureDir, name), text, { overwrite: true }));
  return { project, files: created };
}

export const imports = `import { Signal, SignalObject } from 'slotguard';
import { Row, Job, Timer, Model } from './widgets.js';
import { createConnectedRow, keepRow } from './factories.js';
`;
