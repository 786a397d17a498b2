import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'An identity provider one can sign in (or sign up) with.' })
export class AuthProvider {
  @Field(() => String, { description: 'Stable identifier, e.g. `oidc`.' })
  id!: string;

  @Field(() => String, { description: 'Name shown on the button, e.g. FranceConnect.' })
  name!: string;

  @Field(() => String, {
    description:
      'Where the browser goes to start (a same-site path). Add `next=<path>` to come back to a page, and `terms=accepted` from the sign-up page once the terms are accepted.',
  })
  startUrl!: string;
}
