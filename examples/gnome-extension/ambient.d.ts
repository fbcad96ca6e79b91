// Loose declarations for GJS, as many GNOME Shell extensions written in TypeScript have them: the
// `gi://` modules and the Shell's UI modules typed `any`, so the `gobject` preset recognises
// connections by their shape (`connect('signal', callback)` returning an id).
declare module 'gi://St' { const St: any; export default St; }
declare module 'resource:///org/gnome/shell/extensions/extension.js' {
  export class Extension {
    readonly uuid: string;
    readonly metadata: { name: string };
    getSettings(schema?: string): any;
    enable(): void;
    disable(): void;
  }
}
declare module 'resource:///org/gnome/shell/ui/main.js' {
  export const panel: any;
  export const overview: any;
  export const layoutManager: any;
}
declare module 'resource:///org/gnome/shell/ui/panelMenu.js' { export const Button: any; }
declare const global: any;
declare const console: { log(...values: unknown[]): void };
