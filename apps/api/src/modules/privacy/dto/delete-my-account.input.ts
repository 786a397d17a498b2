import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { AccountDeletionMode } from '@passerelle/domain';

registerEnumType(AccountDeletionMode, {
  name: 'AccountDeletionMode',
  description:
    'KEEP_CONTRIBUTIONS: proposals, comments and votes stay under an anonymous author. ERASE_CONTRIBUTIONS: their texts become placeholders and the votes are retracted.',
});

/** Validated by the domain's deleteMyAccountInputSchema. */
@InputType()
export class DeleteMyAccountInput {
  @Field(() => AccountDeletionMode)
  mode!: AccountDeletionMode;

  @Field(() => String, {
    nullable: true,
    description: 'The current password; required when the account has one.',
  })
  password?: string | null;

  @Field({ description: 'The account’s e-mail address, typed again to confirm.' })
  confirmation!: string;
}
