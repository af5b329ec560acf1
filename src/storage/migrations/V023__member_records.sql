-- Issue 13, the member: her own records read at once (GET …/members/{member_id}/summary). Her
-- shares of joint orders, her votes and her knowledge posts are found by member from these
-- indexes; her fee payments from ledger_lines_member.
CREATE INDEX order_shares_member ON order_shares (member_id, order_id);
CREATE INDEX votes_member ON votes (member_id, cast_at);
CREATE INDEX knowledge_posts_member ON knowledge_posts (member_id, id);
