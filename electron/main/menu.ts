// The packaged app's menu: Electron's default one offers DevTools and reload (View menu,
// Ctrl+Shift+I, F12, Ctrl+R). A packaged build gets a menu with only what an official needs —
// editing shortcuts, the window, quit — so the page's internals stay closed. Development keeps
// the default.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export function packagedMenuTemplate(platform: NodeJS.Platform = process.platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (platform === 'darwin') template.push({ role: 'appMenu' });
  else template.push({ role: 'fileMenu' });
  template.push({ role: 'editMenu' }, { role: 'windowMenu' });
  return template;
}

export function installApplicationMenu(): void {
  if (!app.isPackaged) return;
  Menu.setApplicationMenu(Menu.buildFromTemplate(packagedMenuTemplate()));
}
