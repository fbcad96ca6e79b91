// Loose declarations for GJS, as GNOME Shell extensions written in TypeScript often have them.
declare module 'resource:///org/gnome/shell/extensions/extension.js' {
  export class Extension {
    enable(): void;
    disable(): void;
  }
}
declare module 'resource:///org/gnome/shell/ui/main.js' {
  const Main: any;
  export default Main;
}
declare const global: any;
declare const console: { log(...values: unknown[]): void };
