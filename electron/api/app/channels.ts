// The app's own channels: what the UI needs to start (language, the official's name, the last
// board) and the first run's choice between the demo and an empty store.
import { z } from 'zod';
import { LANGUAGES, type AppInfo } from '../../../db/model';
import { channel, empty, id } from '../channel';
import { profileInput } from '../profiles/channels';

export const appChannels = {
  'app.info': channel<AppInfo>()(empty),
  'app.setLanguage': channel<AppInfo>()(z.strictObject({ language: z.enum(LANGUAGES) })),
  'app.setActor': channel<AppInfo>()(z.strictObject({ name: z.string().trim().min(1).max(200) })),
  'app.rememberBoard': channel<null>()(z.strictObject({ boardId: id })),
  // The first run: the official's profile (every change is signed with it) and the demo or an empty start.
  'app.chooseStart': channel<AppInfo>()(z.strictObject({ choice: z.enum(['demo', 'empty']), profile: profileInput.optional() })),
} as const;
