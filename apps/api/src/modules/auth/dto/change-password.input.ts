import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'Checked against the sign-up password rules.' })
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
