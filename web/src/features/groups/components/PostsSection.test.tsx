import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { callsTo, fill, page, problem, routeFetch } from '../../../test/fixtures';
import { groupView, knowledgePost } from '../../../test/groups';
import { openSectionForm, renderWorkspace } from '../../../test/groups-render';
import { jsonResponse, sentJson } from '../../../test/render';
import type { GroupView } from '../types';
import type { KnowledgePost } from '../types/cooperation';

let fetchMock: ReturnType<typeof routeFetch>;
let posts: KnowledgePost[];

/** Sulastri's technique and Painem's supplier tip; the server counts each member's mark once. */
function serve(group: GroupView, { alreadyMarked = false } = {}) {
  posts = [
    knowledgePost(2, 14, 'Painem', { kind: 'supplier', title: 'Singkong murah di Pak Slamet', body: 'Kepanjen, Rp 2.000/kg.', tags: [], useful: 2 }),
    knowledgePost(1, 11, 'Sulastri'),
  ];
  fetchMock = routeFetch({
    'GET /api/v1/groups/1': () => jsonResponse(group),
    'GET /api/v1/groups/1/posts': () => page(posts, posts.length, 20),
    'POST /api/v1/groups/1/posts/1/useful': () => {
      if (alreadyMarked) return problem('already-exists', 409, [{ field: 'member_id', code: 'already_exists' }]);
      posts = posts.map((p) => (p.id === 1 ? { ...p, useful: p.useful + 1 } : p));
      return jsonResponse(posts.find((p) => p.id === 1));
    },
    'POST /api/v1/groups/1/posts': (_url, init) => {
      const body = sentJson<Pick<KnowledgePost, 'kind' | 'title' | 'body' | 'tags'>>(init?.body);
      const post = knowledgePost(3, group.member_id ?? 0, 'Anda', { ...body, tags: body.tags ?? [] });
      posts = [post, ...posts];
      return jsonResponse(post, 201);
    },
  });
}

beforeEach(() => serve(groupView({ writes: ['posts'], member_id: 14 })));

const post = (id: number) => screen.getByTestId(`post-${id}`);

describe('the knowledge tab', () => {
  it('shows each post with its kind, author, tags and how many found it useful', async () => {
    renderWorkspace('/groups/1/knowledge');
    await screen.findByTestId('post-1');
    expect(post(1)).toHaveTextContent('Teknik');
    expect(post(1)).toHaveTextContent('oleh Sulastri · 1 Mar 2026');
    expect(within(post(1)).getByRole('list', { name: 'Label' })).toHaveTextContent('#pewarna#mahoni');
    expect(screen.getByTestId('post-1-useful')).toHaveTextContent('Belum ada yang menandai bermanfaat');
    expect(screen.getByTestId('post-2-useful')).toHaveTextContent('2 anggota merasa bermanfaat');
    expect(post(2)).toHaveTextContent('Pemasok');
  });

  it("offers 'Bermanfaat' on others' posts only, and once", async () => {
    const user = userEvent.setup();
    renderWorkspace('/groups/1/knowledge');
    await screen.findByTestId('post-1');
    expect(within(post(2)).queryByRole('button', { name: /Tandai bermanfaat/ })).not.toBeInTheDocument();
    expect(post(2)).toHaveTextContent('Tulisan Anda');
    await user.click(within(post(1)).getByRole('button', { name: 'Tandai bermanfaat: Warna alam dari kulit mahoni' }));
    expect(await within(post(1)).findByText('Anda menandainya bermanfaat')).toBeInTheDocument();
    expect(screen.getByTestId('post-1-useful')).toHaveTextContent('1 anggota merasa bermanfaat');
    expect(within(post(1)).queryByRole('button', { name: /Tandai bermanfaat/ })).not.toBeInTheDocument();
    expect(callsTo(fetchMock, 'POST /api/v1/groups/1/posts/1/useful')).toHaveLength(1);
  });

  it('takes the server saying she marked it before as marked, without an error', async () => {
    const user = userEvent.setup();
    serve(groupView({ writes: ['posts'], member_id: 14 }), { alreadyMarked: true });
    renderWorkspace('/groups/1/knowledge');
    await user.click(await within(await screen.findByTestId('post-1')).findByRole('button', { name: /Tandai bermanfaat/ }));
    expect(await within(post(1)).findByText('Anda menandainya bermanfaat')).toBeInTheDocument();
    expect(within(post(1)).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('links to WhatsApp with the text the server made, in a new tab that cannot reach back', async () => {
    renderWorkspace('/groups/1/knowledge');
    const link = within(await screen.findByTestId('post-1')).getByRole('link', { name: 'Bagikan ke WhatsApp' });
    expect(link).toHaveAttribute('href', 'https://wa.me/?text=Warna%20alam%20dari%20kulit%20mahoni');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toMatch(/\bnoopener\b/);
  });

  it('shares a new post with its tags split at commas', async () => {
    const user = userEvent.setup();
    const form = await openSectionForm(user, '/groups/1/knowledge', 'Bagikan ilmu', 'post-form');
    await fill(user, form, {
      'Jenis *': 'fix',
      'Judul *': 'Tape tidak terlalu asam',
      'Isi *': 'Ragi dikurangi setengah.',
      'Label': 'ragi, tape, Ragi',
    });
    await user.click(within(form).getByRole('button', { name: 'Bagikan' }));
    expect(await screen.findByText('Tulisan Anda sudah dibagikan ke kelompok.')).toBeInTheDocument();
    const bodies = callsTo(fetchMock, 'POST /api/v1/groups/1/posts').map((c) => sentJson(c.init?.body));
    expect(bodies).toEqual([{ kind: 'fix', title: 'Tape tidak terlalu asam', body: 'Ragi dikurangi setengah.', tags: ['ragi', 'tape'] }]);
  });

  it('lets an officer who is no member read the feed, with no buttons', async () => {
    serve(groupView({ writes: ['profile', 'members'], member_id: null }));
    renderWorkspace('/groups/1/knowledge');
    await screen.findByTestId('post-1');
    expect(screen.queryByRole('button', { name: 'Bagikan ilmu' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Tandai bermanfaat/ })).not.toBeInTheDocument();
    expect(within(post(1)).getByRole('link', { name: 'Bagikan ke WhatsApp' })).toBeInTheDocument();
  });
});
