import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { FormCard } from '../../../components/FormCard';
import { SectionCard } from '../../../components/SectionCard';
import { Badge } from '../../../components/Badge';
import { FormField } from '../../../components/FormField';
import { RecordList } from '../../../components/RecordList';
import { SelectField } from '../../../components/SelectField';
import { TextAreaField } from '../../../components/TextAreaField';
import { formatDate } from '../../../lib/format';
import { useForm } from '../../../lib/use-form';
import { useCreatePost, useMarkUseful } from '../hooks/use-group-mutations';
import { usePosts } from '../hooks/use-group-queries';
import type { GroupView } from '../types';
import {
  canMarkUseful,
  emptyPostDraft,
  isAlreadyMarked,
  MAX_POST_TITLE,
  POST_KINDS,
  safeShareLink,
  validatePost,
  type KnowledgePost,
  type PostInput,
} from '../types/cooperation';
import { groupProblemMessage, readGroupErrors } from '../types/errors';

const POSTS_PAGE = 20;

/** Sharing what she learned: a technique, a supplier, a fix, a market. */
function PostForm({ group, onSaved, onCancel }: { group: GroupView; onSaved: (post: KnowledgePost) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useCreatePost(group.id);
  const form = useForm({
    initial: emptyPostDraft,
    validate: validatePost,
    send: (body: PostInput, idempotencyKey) => create.mutateAsync({ body, idempotencyKey }),
    readErrors: (error) => readGroupErrors(t, error, ['kind', 'title', 'body', 'tags'], 'posts'),
    onSaved,
  });
  const { field } = form;

  return (
    <FormCard
      title={t('groups.posts.form.title')}
      form={form}
      labels={{ submit: t('groups.posts.form.submit'), saving: t('groups.posts.form.submitting'), cancel: t('groups.posts.form.cancel') }}
      onCancel={onCancel}
      testId="post-form"
    >
      <SelectField
        label={t('common.required', { label: t('groups.posts.form.kind') })}
        emptyLabel={t('groups.posts.form.chooseKind')}
        options={POST_KINDS.map((kind) => ({ value: kind, label: t(`groups.posts.kinds.${kind}`) }))}
        {...field('kind')}
      />
      <FormField
        label={t('common.required', { label: t('groups.posts.form.titleField') })}
        hint={t('groups.posts.form.titleHint')}
        maxLength={MAX_POST_TITLE}
        {...field('title')}
      />
      <TextAreaField
        label={t('common.required', { label: t('groups.posts.form.body') })}
        hint={t('groups.posts.form.bodyHint')}
        rows={5}
        {...field('body')}
      />
      <FormField
        label={t('groups.posts.form.tags')}
        hint={t('groups.posts.form.tagsHint')}
        autoComplete="off"
        {...field('tags')}
      />
    </FormCard>
  );
}

interface PostItemProps {
  group: GroupView;
  post: KnowledgePost;
  /** The posts she marked useful (in this visit, or that the server said she had). */
  marked: ReadonlySet<number>;
  /** She marked it (now, or before: the server says so): the count changed in the cache already. */
  onMarked: (id: number) => void;
}

/** One post: what, from whom, how many found it useful; "Bermanfaat" for the others; share to WhatsApp. */
function PostItem({ group, post, marked, onMarked }: PostItemProps) {
  const { t, i18n } = useTranslation();
  const mark = useMarkUseful(group.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const own = group.member_id !== null && post.member.id === group.member_id;
  const markable = canMarkUseful(post, group.member_id, marked) && group.status !== 'dissolved';
  const link = safeShareLink(post.share_link);

  async function onUseful() {
    setBusy(true);
    setError(null);
    try {
      await mark.mutateAsync(post.id);
      onMarked(post.id);
    } catch (failure) {
      if (isAlreadyMarked(failure)) onMarked(post.id);
      else setError(readGroupErrors(t, failure, [], 'posts').general.join(' '));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="record-card post" data-testid={`post-${post.id}`}>
      <h3 className="record-card__title">{post.title}</h3>
      <p className="record-card__badges">
        <Badge tone="info">{t(`groups.posts.kinds.${post.kind}`)}</Badge>
        <span className="record-card__count">
          {t('groups.posts.byline', { name: post.member.name, date: formatDate(post.created_at, i18n.resolvedLanguage) })}
        </span>
      </p>
      <p className="preserve-lines post__body">{post.body}</p>
      {post.tags.length > 0 ? (
        <ul className="tags" aria-label={t('groups.posts.tagsLabel')}>
          {post.tags.map((tag) => (
            <li key={tag} className="tag">{`#${tag}`}</li>
          ))}
        </ul>
      ) : null}
      <p className={post.useful > 0 ? 'post__useful' : 'post__useful muted'} data-testid={`post-${post.id}-useful`}>
        {post.useful > 0 ? t('groups.posts.useful', { count: post.useful }) : t('groups.posts.noUseful')}
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="button-row post__actions">
        {markable ? (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            aria-label={t('groups.posts.markLabel', { title: post.title })}
            onClick={() => void onUseful()}
          >
            {busy ? t('groups.posts.marking') : t('groups.posts.mark')}
          </button>
        ) : null}
        {marked.has(post.id) ? <span className="post__note">{t('groups.posts.marked')}</span> : null}
        {own ? <span className="post__note muted">{t('groups.posts.own')}</span> : null}
        {link ? (
          <a className="button button--secondary button--whatsapp" href={link} target="_blank" rel="noopener noreferrer">
            {t('groups.posts.share')}
          </a>
        ) : null}
      </div>
    </li>
  );
}

/** Berbagi ilmu: what members shared with each other, newest first, and a form to share something. */
export function PostsSection({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  // The posts she marked in this visit: the feed does not say whom a count is from.
  const [marked, setMarked] = useState<ReadonlySet<number>>(() => new Set());
  const posts = usePosts(group.id, POSTS_PAGE, offset);
  // Every member writes her own posts; an account that is no member reads them.
  const canPost = group.member_id !== null && group.status !== 'dissolved';

  return (
    <SectionCard
      title={t('groups.posts.title')}
      addLabel={t('groups.posts.add')}
      canAdd={canPost}
      onAdd={() => setNotice(null)}
      intro={<p className="muted">{t('groups.posts.intro')}</p>}
      notice={notice}
      busy={posts.isFetching}
      testId="posts"
      form={(close) => (
        <PostForm
          group={group}
          onCancel={close}
          onSaved={() => {
            close();
            setOffset(0);
            setNotice(t('groups.posts.saved'));
          }}
        />
      )}
    >
      <RecordList
        query={posts}
        problem={(e) => groupProblemMessage(t, e)}
        loading={t('groups.posts.loading')}
        empty={t('groups.posts.empty')}
        testId="post-list"
        paging={{ limit: POSTS_PAGE, offset, onChange: setOffset }}
      >
        {(post) => (
          <PostItem
            key={post.id}
            group={group}
            post={post}
            marked={marked}
            onMarked={(postId) => setMarked((previous) => new Set([...previous, postId]))}
          />
        )}
      </RecordList>
    </SectionCard>
  );
}
