import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PageInfo } from '../../proposals/models/proposal-connection.model';

export const EmailCategory = {
  VERIFY_EMAIL: 'VERIFY_EMAIL',
  PASSWORD_RESET: 'PASSWORD_RESET',
  NOTIFICATION: 'NOTIFICATION',
  DIGEST: 'DIGEST',
} as const;
export type EmailCategory = (typeof EmailCategory)[keyof typeof EmailCategory];
registerEnumType(EmailCategory, {
  name: 'EmailCategory',
  description: 'Why an e-mail was written.',
});

@ObjectType({ description: 'An e-mail written by the platform (administrators only).' })
export class EmailMessage {
  @Field(() => ID)
  id!: string;

  @Field()
  toAddress!: string;

  @Field()
  subject!: string;

  @Field({ description: 'The plain-text body (links included).' })
  text!: string;

  @Field(() => EmailCategory)
  category!: EmailCategory;

  @Field()
  createdAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the SMTP server accepted it; null in demo mode (outbox) or on failure.',
  })
  sentAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The last delivery error, if any.' })
  error!: string | null;
}

@ObjectType()
export class EmailMessageEdge {
  @Field()
  cursor!: string;

  @Field(() => EmailMessage)
  node!: EmailMessage;
}

@ObjectType({ description: 'A page of e-mails, newest first.' })
export class EmailMessageConnection {
  @Field(() => [EmailMessageEdge])
  edges!: EmailMessageEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
