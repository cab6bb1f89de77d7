// Команда режимінің қазақша жолдары: Баптаулар → Команда.
import type { MessagesOf } from './messages';
import type { teamEn, teamErrorsEn } from './team.en';

export const teamKk = {
  team: {
    title: 'Команда',
    intro: 'Ортақ тізілімді жүргізу үшін осы жұмыс орнын бөліміңіздің команда серверіне қосыңыз. Онсыз жұмыс орны бұрынғыдай дербес жұмыс істейді.',
    server: 'Сервер мекенжайы',
    serverHint: 'Мысалы, https://team.gov.kg:8443',
    login: 'Логин',
    password: 'Құпиясөз',
    signIn: 'Кіру',
    signOut: 'Шығу',
    syncNow: 'Қазір синхрондау',
    online: 'Желіде',
    offline: 'Желіден тыс',
    notConnected: 'Қосылмаған: жұмыс орны дербес жұмыс істейді.',
    signedInAs: 'Кірген: {{login}} ({{role}})',
    lastSync: 'Соңғы синхрондау: {{when}}',
    neverSynced: 'Әлі синхрондалмаған',
    waiting: 'Жіберуді күтіп тұрған өзгерістер: {{count}}',
    refused: 'Сервер қабылдамаған өзгерістер: {{count}}',
    signedIn: 'Команда серверіне кірдіңіз.',
    signedOut: 'Шықтыңыз. Бұдан былайғы өзгерістер осы жұмыс орнында қалады.',
    synced: 'Синхрондалды.',
    roles: { administrator: 'әкімші', controller: 'бақылаушы', executor: 'орындаушы', viewer: 'бақылап отырушы' },
  },
} satisfies MessagesOf<typeof teamEn>;

export const teamErrorsKk = {
  teamBadCredentials: 'Логин немесе құпиясөз қате.',
  teamBadAddress: 'Сервер мекенжайы — веб-мекенжай, мысалы https://team.gov.kg:8443.',
  teamUnreachable: 'Команда сервері жауап бермейді. Өзгерістеріңіз сақталды және ол жауап бергенде жіберіледі.',
  teamSessionEnded: 'Осы құрылғының сеансы аяқталды: қайта кіріңіз.',
  teamNotSignedIn: 'Алдымен команда серверіне кіріңіз.',
  teamServerFailed: 'Команда сервері әрекетті орындай алмады: {{message}}',
} satisfies MessagesOf<typeof teamErrorsEn>;
