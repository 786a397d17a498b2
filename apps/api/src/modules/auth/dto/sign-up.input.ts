import { Field, ID, InputType } from '@nestjs/graphql';
import { ActorType } from '../../../common/graphql/enums';

/** Validated by the domain's signUpInputSchema (the web form runs the same rules). */
@InputType()
export class SignUpInput {
  @Field()
  email!: string;

  @Field({ description: '10 to 128 characters.' })
  password!: string;

  @Field({ description: '2 to 60 characters, shown publicly.' })
  displayName!: string;

  @Field(() => ActorType)
  actorType!: ActorType;

  @Field(() => ID, {
    description: 'A territory id from the `territories` query, e.g. COMMUNE-75056.',
  })
  territoryId!: string;

  @Field({
    description: 'Consent to the terms of use and privacy policy (/confidentialite); must be true.',
  })
  acceptTerms!: boolean;
}
