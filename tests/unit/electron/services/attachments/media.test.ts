// The desktop app's decision whether an attachment opens in the system's viewer: documents and
// images whose extension, media type and first bytes agree; never a program or a script, whatever
// it is named.
import { describe, expect, it } from 'vitest';
import { decideOpen, mediaTypeFor, OPENABLE_EXTENSIONS } from '../../../../../electron/services/attachments/media';

const bytes = (...parts: (string | number[])[]): Uint8Array => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const decide = (name: string, head: Uint8Array) => decideOpen(name, mediaTypeFor(name), head);

const PE = bytes('MZ', [0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], 'This program cannot be run in DOS mode');
const ELF = bytes([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]);

describe('opening an attachment in the system viewer', () => {
  it('opens documents and images whose bytes are what their name says', () => {
    const good: [string, Uint8Array][] = [
      ['Протокол.pdf', bytes('%PDF-1.7\n')],
      ['letter.docx', bytes([0x50, 0x4b, 0x03, 0x04])],
      ['table.xlsx', bytes([0x50, 0x4b, 0x03, 0x04])],
      ['old.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
      ['old.xls', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
      ['text.odt', bytes([0x50, 0x4b, 0x03, 0x04])],
      ['sheet.ods', bytes([0x50, 0x4b, 0x03, 0x04])],
      ['note.rtf', bytes('{\\rtf1\\ansi')],
      ['notes.txt', bytes('Поручение 1')],
      ['list.csv', bytes('a;b;c\n1;2;3\n')],
      ['scan.png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
      ['scan.JPG', bytes([0xff, 0xd8, 0xff, 0xe0])],
      ['scan.jpeg', bytes([0xff, 0xd8, 0xff, 0xe1])],
      ['scan.tif', bytes('II*', [0])],
      ['scan.tiff', bytes('MM', [0, 0x2a])],
      ['scan.gif', bytes('GIF89a')],
      ['scan.bmp', bytes('BM')],
      ['scan.webp', bytes('RIFF', [0, 0, 0, 0], 'WEBP')],
    ];
    for (const [name, head] of good) expect(decide(name, head), name).toEqual({ open: true });
    expect(new Set(good.map(([n]) => n.split('.').pop()!.toLowerCase()))).toEqual(new Set(OPENABLE_EXTENSIONS));
  });

  it('never opens programs, scripts or installers, however they are named or typed', () => {
    for (const name of ['setup.exe', 'run.js', 'start.bat', 'install.sh', 'profile.ps1', 'package.msi', 'macro.vbs', 'page.html', 'app.jar', 'x.lnk', 'noextension']) {
      expect(decide(name, PE), name).toEqual({ open: false, reason: 'type' });
      expect(decide(name, bytes('hello')), name).toEqual({ open: false, reason: 'type' });
      // Even recorded with a document's media type.
      expect(decideOpen(name, 'application/pdf', bytes('%PDF-1.7')), name).toEqual({ open: false, reason: 'type' });
    }
  });

  it('refuses a document or image that is really a program (magic bytes), or whose bytes or media type are not its type', () => {
    expect(decide('Протокол.pdf', PE)).toEqual({ open: false, reason: 'content' });
    expect(decide('scan.png', ELF)).toEqual({ open: false, reason: 'content' });
    expect(decide('notes.txt', bytes('#!/bin/sh\nrm -rf ~\n'))).toEqual({ open: false, reason: 'content' });
    expect(decide('list.csv', PE)).toEqual({ open: false, reason: 'content' });
    expect(decide('letter.docx', bytes('%PDF-1.7'))).toEqual({ open: false, reason: 'content' });
    expect(decide('binary.txt', bytes('abc', [0], 'def'))).toEqual({ open: false, reason: 'content' });
    // A PDF name recorded as an executable's media type.
    expect(decideOpen('report.pdf', 'application/x-msdownload', bytes('%PDF-1.7'))).toEqual({ open: false, reason: 'type' });
  });
});
