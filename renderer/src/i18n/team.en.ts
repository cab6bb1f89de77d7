// English strings of team mode: Settings → Team (the desk's connection to a team server).
import type { MessageTree } from './messages';

export const teamEn = {
  team: {
    title: 'Team',
    intro: 'Connect this desk to your department’s team server to share one register. Without it, this desk works on its own, as before.',
    server: 'Server address',
    serverHint: 'For example https://team.gov.kg:8443',
    login: 'Login',
    password: 'Password',
    signIn: 'Sign in',
    signOut: 'Sign out',
    syncNow: 'Sync now',
    online: 'Online',
    offline: 'Offline',
    notConnected: 'Not connected: this desk works on its own.',
    signedInAs: 'Signed in as {{login}} ({{role}})',
    lastSync: 'Last sync: {{when}}',
    neverSynced: 'Not synced yet',
    waiting: 'Changes waiting to be sent: {{count}}',
    refused: 'Changes the server refused: {{count}}',
    signedIn: 'Signed in to the team server.',
    signedOut: 'Signed out. Changes made from now on stay on this desk.',
    synced: 'Synced.',
    roles: { administrator: 'administrator', controller: 'controller', executor: 'executor', viewer: 'viewer' },
  },
} satisfies MessageTree;

export const teamErrorsEn = {
  teamBadCredentials: 'Wrong login or password.',
  teamBadAddress: 'The server address is a web address, for example https://team.gov.kg:8443.',
  teamUnreachable: 'The team server does not answer. Your changes are kept and will be sent when it does.',
  teamSessionEnded: 'This device’s session has ended: sign in again.',
  teamNotSignedIn: 'Sign in to a team server first.',
  teamServerFailed: 'The team server could not do it: {{message}}',
} satisfies MessageTree;
