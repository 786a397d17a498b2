import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CommentStance } from '@passerelle/domain';
import { PageInfo } from '../../proposals/models/proposal-connection.model';
import { Participant } from '../../users/models/participant.model';

registerEnumType(CommentStance, {
  name: 'CommentStance',
  description: 'Where a comment stands on the proposal (NONE: no stance).',
});
export { CommentStance };

@ObjectType({
  description:
    'A comment on a proposal, or a reply. Once deleted, its text and author are hidden but its replies stay.',
})
export class Comment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true })
  parentId!: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown source; null once deleted.' })
  body!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Sanitised HTML rendering of the body; null once deleted.',
  })
  bodyHtml!: string | null;

  @Field(() => CommentStance)
  stance!: CommentStance;

  @Field(() => Participant, { nullable: true, description: 'Null once deleted.' })
  author?: Participant | null;

  @Field()
  isDeleted!: boolean;

  @Field()
  isEdited!: boolean;

  @Field(() => Int)
  upvotes!: number;

  @Field({ description: 'Whether the viewer upvoted it (false when anonymous).' })
  hasMyUpvote!: boolean;

  @Field({ description: 'Whether the viewer may edit or delete it.' })
  canEdit!: boolean;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  editedAt!: Date | null;

  @Field(() => [Comment], { description: 'Replies, oldest first.' })
  replies?: Comment[];
}

@ObjectType()
export class CommentEdge {
  @Field()
  cursor!: string;

  @Field(() => Comment)
  node!: Comment;
}

@ObjectType({ description: 'A page of comments.' })
export class CommentConnection {
  @Field(() => [CommentEdge])
  edges!: CommentEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
