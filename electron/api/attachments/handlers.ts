// The attachment channels over the attachment service.
import type { AttachmentService } from '../../services/attachments/service';
import type { Handlers } from '../dispatch';
import type { attachmentChannels } from './channels';

export function createAttachmentHandlers(service: AttachmentService): Pick<Handlers, keyof typeof attachmentChannels> {
  return {
    'attachments.list': ({ owner }) => service.list(owner),
    'attachments.add': ({ owner, fileId }) => service.add(owner, fileId),
    'attachments.pick': ({ owner }) => service.pick(owner),
    'attachments.remove': ({ id }) => {
      service.remove(id);
      return null;
    },
    'attachments.open': ({ id }) => service.open(id),
    'attachments.saveCopy': ({ id }) => service.saveCopy(id),
  };
}
