import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { User } from './user.model';

@ObjectType()
export class UserEdge {
  @Field()
  cursor!: string;

  @Field(() => User)
  node!: User;
}

@ObjectType({ description: 'A page of accounts, newest first (administrators only).' })
export class UserConnection {
  @Field(() => [UserEdge])
  edges!: UserEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Accounts matching the search and role, across all pages.' })
  totalCount!: number;
}
