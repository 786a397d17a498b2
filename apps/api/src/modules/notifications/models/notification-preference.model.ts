import { Field, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { EmailFrequency } from '@passerelle/domain';
import { NotificationKind } from './notification.model';

registerEnumType(EmailFrequency, {
  name: 'EmailFrequency',
  description:
    'How often a kind of notification goes out by e-mail: at once, in the daily digest (the default), or never.',
});

export { EmailFrequency };

@ObjectType({ description: 'The e-mail frequency of one kind of notification.' })
export class NotificationPreference {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => EmailFrequency)
  frequency!: EmailFrequency;
}

@InputType()
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  kind!: NotificationKind;

  @Field(() => EmailFrequency)
  frequency!: EmailFrequency;
}
