/** Channels the Sekretariat enters on a reporter's behalf (offline intake). Plain data: the intake form reads it too. */
import { Channel } from "../../generated/prisma/enums.ts";

export const OFFLINE_CHANNELS = [
  Channel.SMS,
  Channel.PHONE,
  Channel.EMAIL,
  Channel.SUGGESTION_BOX,
  Channel.IN_PERSON,
] as const;
