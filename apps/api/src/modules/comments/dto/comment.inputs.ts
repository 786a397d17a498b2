import { Field, ID, InputType } from '@nestjs/graphql';
import { CommentStance } from '../models/comment.model';

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  proposalId!: string;

  @Field(() => ID, { nullable: true, description: 'The comment replied to, on the same proposal.' })
  parentId?: string | null;

  @Field({ description: 'Markdown, 2 to 5000 characters.' })
  body!: string;

  @Field(() => CommentStance, { nullable: true, defaultValue: 'NONE' })
  stance?: CommentStance | null;
}

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  commentId!: string;

  @Field({ description: 'Markdown, 2 to 5000 characters.' })
  body!: string;

  @Field(() => CommentStance, { nullable: true, description: 'Unchanged when omitted.' })
  stance?: CommentStance | null;
}
