// Команда режиминин кыргызча саптары: Жөндөөлөр → Команда.
import type { MessagesOf } from './messages';
import type { teamEn, teamErrorsEn } from './team.en';

export const teamKy = {
  team: {
    title: 'Команда',
    intro: 'Жалпы реестрди жүргүзүү үчүн бул жумуш ордун бөлүмүңүздүн команда серверине туташтырыңыз. Ансыз жумуш орду мурункудай өз алдынча иштейт.',
    server: 'Сервердин дареги',
    serverHint: 'Мисалы, https://team.gov.kg:8443',
    login: 'Логин',
    password: 'Сырсөз',
    signIn: 'Кирүү',
    signOut: 'Чыгуу',
    syncNow: 'Азыр шайкештирүү',
    online: 'Тармакта',
    offline: 'Тармактан тышкары',
    notConnected: 'Туташкан эмес: жумуш орду өз алдынча иштейт.',
    signedInAs: 'Кирген: {{login}} ({{role}})',
    lastSync: 'Акыркы шайкештирүү: {{when}}',
    neverSynced: 'Азырынча шайкештирилген эмес',
    waiting: 'Жөнөтүүнү күтүп жаткан өзгөртүүлөр: {{count}}',
    refused: 'Сервер кабыл албаган өзгөртүүлөр: {{count}}',
    signedIn: 'Команда серверине кирдиңиз.',
    signedOut: 'Чыктыңыз. Мындан ары өзгөртүүлөр ушул жумуш ордунда калат.',
    synced: 'Шайкештирилди.',
    roles: { administrator: 'администратор', controller: 'көзөмөлдөөчү', executor: 'аткаруучу', viewer: 'байкоочу' },
  },
} satisfies MessagesOf<typeof teamEn>;

export const teamErrorsKy = {
  teamBadCredentials: 'Логин же сырсөз туура эмес.',
  teamBadAddress: 'Сервердин дареги — веб-дарек, мисалы https://team.gov.kg:8443.',
  teamUnreachable: 'Команда сервери жооп бербей жатат. Өзгөртүүлөрүңүз сакталды жана ал жооп бергенде жөнөтүлөт.',
  teamSessionEnded: 'Бул түзмөктүн сеансы бүттү: кайра кириңиз.',
  teamNotSignedIn: 'Адегенде команда серверине кириңиз.',
  teamServerFailed: 'Команда сервери аракетти аткара алган жок: {{message}}',
} satisfies MessagesOf<typeof teamErrorsEn>;
