// Русские строки командного режима: Настройки → Команда.
import type { MessagesOf } from './messages';
import type { teamEn, teamErrorsEn } from './team.en';

export const teamRu = {
  team: {
    title: 'Команда',
    intro: 'Подключите это рабочее место к серверу команды вашего отдела, чтобы вести общий реестр. Без него рабочее место работает само по себе, как прежде.',
    server: 'Адрес сервера',
    serverHint: 'Например, https://team.gov.kg:8443',
    login: 'Логин',
    password: 'Пароль',
    signIn: 'Войти',
    signOut: 'Выйти',
    syncNow: 'Синхронизировать',
    online: 'В сети',
    offline: 'Не в сети',
    notConnected: 'Не подключено: рабочее место работает само по себе.',
    signedInAs: 'Вход выполнен: {{login}} ({{role}})',
    lastSync: 'Последняя синхронизация: {{when}}',
    neverSynced: 'Ещё не синхронизировано',
    waiting: 'Изменений ждут отправки: {{count}}',
    refused: 'Изменений отклонено сервером: {{count}}',
    signedIn: 'Вход на сервер команды выполнен.',
    signedOut: 'Выход выполнен. Изменения с этого момента остаются на этом рабочем месте.',
    synced: 'Синхронизировано.',
    roles: { administrator: 'администратор', controller: 'контролёр', executor: 'исполнитель', viewer: 'наблюдатель' },
  },
} satisfies MessagesOf<typeof teamEn>;

export const teamErrorsRu = {
  teamBadCredentials: 'Неверный логин или пароль.',
  teamBadAddress: 'Адрес сервера — это веб-адрес, например https://team.gov.kg:8443.',
  teamUnreachable: 'Сервер команды не отвечает. Ваши изменения сохранены и будут отправлены, когда он ответит.',
  teamSessionEnded: 'Сеанс этого устройства завершён: войдите снова.',
  teamNotSignedIn: 'Сначала войдите на сервер команды.',
  teamServerFailed: 'Сервер команды не смог выполнить действие: {{message}}',
} satisfies MessagesOf<typeof teamErrorsEn>;
