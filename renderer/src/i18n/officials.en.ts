// English strings of the officials' features: profiles, the profile in use, the signature block
// of reports and the instruction's printed card.
import type { MessageTree } from './messages';

export const officialsEn = {
  profile: {
    legend: 'Your profile',
    intro: 'Every change, decision and report you make is signed with it.',
    fullName: 'Full name',
    position: 'Position',
    organization: 'Organization',
    phone: 'Phone',
    nameRequired: 'Enter your full name: every change is signed with it.',
    signingAs: 'Signing as',
    noProfile: 'No profile',
    giveProfile: 'Give your profile',
    switched: 'Changes are now signed by {{name}}.',
  },
  settings: {
    controlNumbers: {
      title: 'Control numbers',
      pattern: 'Pattern of new control numbers',
      note: '{protocol} is the meeting\'s protocol number, {item} the item number, {year} the meeting\'s year, {n} a running number. Example: {protocol}/{item} gives 12/3. Numbers already given stay; where the meeting has no protocol number, the running number is used.',
      saved: 'New instructions get numbers by the pattern {{pattern}}.',
    },
    title: 'Settings',
    profilesTitle: 'Profiles at this desk',
    profilesNote: 'On one desk a profile is a signature, not a login: anyone at this computer can switch. Accounts and roles come with the team server.',
    inUse: 'in use',
    use: 'Use',
    useProfile: 'Use the profile {{name}}',
    editProfile: 'Edit the profile {{name}}',
    removeProfile: 'Remove the profile {{name}}',
    removeConfirm: 'Remove the profile {{name}}? What it signed keeps its name.',
    addTitle: 'Add a profile',
    editTitle: 'Edit the profile',
    add: 'Add profile',
    added: 'Profile {{name}} added.',
    saved: 'Profile saved.',
    removed: 'Profile removed.',
    signaturesTitle: 'Signature of reports',
    signaturesNote: 'Each report ends with who prepared it and who approves it. Blank “prepared by” fields are taken from the profile in use.',
    kind: 'Report',
    signatureSaved: 'Signature saved.',
  },
  signature: {
    legend: 'Signature',
    prepared: 'Prepared by',
    preparedName: 'Prepared by: name',
    preparedPosition: 'Prepared by: position',
    preparedPhone: 'Prepared by: phone',
    approved: 'Approved by',
    approvedPosition: 'Approved by: position',
    approvedName: 'Approved by: name',
    fromProfile: 'from the profile: {{value}}',
  },
  signedKinds: {
    status: 'Execution status report',
    overdue: 'Overdue list',
    register: 'Register',
    discipline: 'Execution discipline report',
    card: 'Instruction card',
  },
  cardPrint: {
    button: 'Print card',
    title: 'Instruction card',
    pdf: 'Download the card as PDF',
    print: 'Print',
    preparing: 'Preparing the card…',
    ready: 'The card is ready.',
  },
} satisfies MessageTree;

export const officialsErrorsEn = {
  profileNameRequired: 'Enter the full name: every change is signed with it.',
  profilePhoneInvalid: '“{{phone}}” is not a phone number: use digits, spaces, +, brackets and dashes (an extension as “ext. 123”).',
  profileNotFound: 'This profile no longer exists; choose another one.',
  profileInUse: 'This profile is in use: switch to another one before removing it.',
} satisfies MessageTree;
