import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type ModerationQueueEventKind as Kind } from '../../../common/realtime/realtime.events';

export const ModerationQueueEventKind = Object.freeze({
  REPORTED: 'REPORTED',
  QUEUED: 'QUEUED',
  DECIDED: 'DECIDED',
} as const satisfies Record<Kind, Kind>);
registerEnumType(ModerationQueueEventKind, {
  name: 'ModerationQueueEventKind',
  description:
    'REPORTED: a report was filed; QUEUED: pre-moderation held a contribution; DECIDED: a moderator decided.',
});

@ObjectType({ description: 'A change of the moderation queue, sent live to moderators.' })
export class ModerationQueueEvent {
  @Field(() => ModerationQueueEventKind)
  kind!: Kind;

  @Field(() => Int, { description: 'Open items in the queue after the change.' })
  openCount!: number;
}
