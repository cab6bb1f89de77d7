// A recording stand-in for the parts of electron's API that electron/main and electron/preload
// use. The Electron runtime cannot start on this machine, so the shell's settings and wiring are
// checked against this in plain Node; the _electron suite runs the real thing where it exists.
import fs from 'node:fs';
import type { BrowserWindowConstructorOptions } from 'electron';

type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return (this.listeners.get(event) ?? []).map((fn) => fn(...args));
  }
}

export class FakeWebContents extends Emitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  /** The window this belongs to (set by FakeBrowserWindow). */
  owner: FakeBrowserWindow | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn;
  }
  /** Records the call and what the page held; answers with bytes naming the document's size. */
  printToPDF(options: unknown): Promise<Buffer> {
    const file = this.owner?.loadedFile ?? null;
    const html = file ? fs.readFileSync(file, 'utf8') : '';
    fake.printToPdfCalls.push({ options, file, html });
    return Promise.resolve(Buffer.from(`%PDF-fake ${html.length}`));
  }
  print(options: unknown, callback: (success: boolean, failureReason: string) => void): void {
    const file = this.owner?.loadedFile ?? null;
    fake.printCalls.push({ options, file, html: file ? fs.readFileSync(file, 'utf8') : '' });
    const outcome = fake.printOutcome;
    setImmediate(() => callback(outcome === 'printed', outcome === 'printed' ? '' : outcome));
  }
}

export const fake = {
  singleInstance: true,
  quitCalls: 0,
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Listener>(),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  permissionRequestHandler: null as Listener | null,
  permissionCheckHandler: null as Listener | null,
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; input: unknown }[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as { type?: string; title?: string; message: string }[],
  /** What the next open and save dialogs answer (the paths the official would pick; null cancels). */
  openDialogAnswers: [] as (string | null)[],
  saveDialogAnswers: [] as (string | null)[],
  /** Files handed to the system's viewer (shell.openPath), with their bytes and mode at that moment. */
  opened: [] as { file: string; bytes: Buffer; mode: number }[],
  dialogs: [] as { kind: 'open' | 'save'; parent: FakeBrowserWindow | null; options: Record<string, unknown> }[],
  userData: '/nonexistent',
  documents: '/nonexistent-documents',
  /** What the save dialog answers: a path, or null for Cancel. */
  printToPdfCalls: [] as { options: unknown; file: string | null; html: string }[],
  printCalls: [] as { options: unknown; file: string | null; html: string }[],
  printOutcome: 'printed' as 'printed' | 'cancelled' | 'failed',
  /** Every Menu.setApplicationMenu call, in order (a built menu's template, or null). */
  applicationMenus: [] as (FakeMenu | null)[],
  reset(): void {
    app.isPackaged = false;
    this.applicationMenus = [];
    this.singleInstance = true;
    this.quitCalls = 0;
    this.windows = [];
    this.ipcHandlers.clear();
    this.privilegedSchemes = [];
    this.protocolHandlers.clear();
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.exposed.clear();
    this.invoked = [];
    this.errorBoxes = [];
    this.messageBoxes = [];
    this.openDialogAnswers = [];
    this.saveDialogAnswers = [];
    this.opened = [];
    this.dialogs = [];
    this.printToPdfCalls = [];
    this.printCalls = [];
    this.printOutcome = 'printed';
    app.listeners.clear();
  },
};

class FakeApp extends Emitter {
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return fake.singleInstance;
  }
  quit(): void {
    fake.quitCalls++;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name === 'userData') return fake.userData;
    if (name === 'documents') return fake.documents;
    throw new Error(`fake app.getPath(${name})`);
  }
  getVersion(): string {
    return '0.0.0-fake';
  }
  getPreferredSystemLanguages(): string[] {
    return ['ru-RU', 'en-US'];
  }
  getLocale(): string {
    return 'ru';
  }
}

export const app = new FakeApp();

export class FakeBrowserWindow extends Emitter {
  readonly options: BrowserWindowConstructorOptions;
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  static getFocusedWindow(): FakeBrowserWindow | null {
    return fake.windows[0] ?? null;
  }
  loadedFile: string | null = null;
  destroyed = false;
  constructor(options: BrowserWindowConstructorOptions) {
    super();
    this.options = options;
    this.webContents.owner = this;
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    if (!fs.existsSync(file)) return Promise.reject(new Error(`ERR_FILE_NOT_FOUND ${file}`));
    this.loadedFile = file;
    return Promise.resolve();
  }
  destroy(): void {
    this.destroyed = true;
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focusCalls = 0;
  focus(): void {
    this.focusCalls++;
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle(channel: string, fn: Listener): void {
    if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    fake.ipcHandlers.set(channel, fn);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    fake.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, fn: (request: { url: string }) => Promise<Response>): void {
    fake.protocolHandlers.set(scheme, fn);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(fn: Listener): void {
      fake.permissionRequestHandler = fn;
    },
    setPermissionCheckHandler(fn: Listener): void {
      fake.permissionCheckHandler = fn;
    },
  },
};

/** dialog.showXDialog([parent,] options): logs the call and answers the next scripted path. */
function dialogCall(kind: 'open' | 'save', args: unknown[]): string | null {
  const parent = args.length > 1 ? (args[0] as FakeBrowserWindow) : null;
  fake.dialogs.push({ kind, parent, options: args[args.length - 1] as Record<string, unknown> });
  const answers = kind === 'open' ? fake.openDialogAnswers : fake.saveDialogAnswers;
  if (answers.length === 0) throw new Error(`fake dialog.${kind}: no answer scripted`);
  return answers.shift() as string | null;
}

export const dialog = {
  showErrorBox(title: string, content: string): void {
    fake.errorBoxes.push({ title, content });
  },
  showMessageBoxSync(options: { type?: string; title?: string; message: string }): number {
    fake.messageBoxes.push(options);
    return 0;
  },
  showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const answer = dialogCall('open', args);
    return Promise.resolve(answer === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [answer] });
  },
  showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const answer = dialogCall('save', args);
    return Promise.resolve(answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer });
  },
};

export interface FakeMenuItem {
  role?: string;
  label?: string;
  accelerator?: string;
  submenu?: FakeMenuItem[] | FakeMenu;
  type?: string;
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}
}

export const Menu = {
  buildFromTemplate(template: FakeMenuItem[]): FakeMenu {
    return new FakeMenu(template);
  },
  setApplicationMenu(menu: FakeMenu | null): void {
    fake.applicationMenus.push(menu);
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    fake.exposed.set(key, api);
  },
};

export const ipcRenderer = {
  invoke(channel: string, input: unknown): Promise<unknown> {
    fake.invoked.push({ channel, input });
    return Promise.resolve({ ok: true, value: channel });
  },
};

export default { app, BrowserWindow, Menu, ipcMain, protocol, session, dialog, contextBridge, ipcRenderer };

export const shell = {
  openPath(file: string): Promise<string> {
    fake.opened.push({ file, bytes: fs.readFileSync(file), mode: fs.statSync(file).mode & 0o777 });
    return Promise.resolve('');
  },
};
