import { Field, ObjectType } from '@nestjs/graphql';
import { User } from '../../users/models/user.model';

@ObjectType({
  description:
    'A new session. The web app uses the httpOnly cookies set with it; API clients send the access token as `Authorization: Bearer`.',
})
export class AuthPayload {
  @Field()
  accessToken!: string;

  @Field()
  accessTokenExpiresAt!: Date;

  @Field(() => User)
  user!: User;
}
