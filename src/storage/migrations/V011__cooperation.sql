-- Cooperation among a group's members (seeds 000 and 001): the division of market areas, joint
-- orders split by capacity, knowledge posts with "useful" marks, and raw material offered,
-- requested and bought together.

CREATE TABLE market_areas (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  area TEXT NOT NULL,
  area_key TEXT NOT NULL,
  deliberation_id BIGINT NULL REFERENCES deliberations (id),
  claimed_on TEXT NOT NULL,
  ended_on TEXT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX market_areas_group ON market_areas (group_id, area_key);

CREATE TABLE joint_orders (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  customer TEXT NOT NULL,
  product TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  unit TEXT NOT NULL,
  unit_price BIGINT NOT NULL CHECK (unit_price >= 0),
  due_on TEXT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'fulfilled', 'cancelled')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX joint_orders_group ON joint_orders (group_id, id);

CREATE TABLE order_shares (
  order_id BIGINT NOT NULL REFERENCES joint_orders (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  position INTEGER NOT NULL,
  capacity BIGINT NOT NULL CHECK (capacity >= 0),
  quantity BIGINT NOT NULL CHECK (quantity >= 0),
  delivered BIGINT NOT NULL CHECK (delivered >= 0 AND delivered <= quantity),
  paid_out BIGINT NOT NULL CHECK (paid_out >= 0),
  PRIMARY KEY (order_id, member_id)
);

CREATE TABLE knowledge_posts (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  kind TEXT NOT NULL CHECK (kind IN ('technique', 'supplier', 'fix', 'market', 'other')),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  tags TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX knowledge_posts_group ON knowledge_posts (group_id, id);

CREATE TABLE useful_marks (
  post_id BIGINT NOT NULL REFERENCES knowledge_posts (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  marked_at TEXT NOT NULL,
  PRIMARY KEY (post_id, member_id)
);

CREATE TABLE material_posts (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  member_id BIGINT NOT NULL REFERENCES memberships (id),
  kind TEXT NOT NULL CHECK (kind IN ('offer', 'request')),
  material TEXT NOT NULL,
  unit TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  price BIGINT NULL CHECK (price >= 0),
  until_on TEXT NOT NULL,
  closed INTEGER NOT NULL CHECK (closed IN (0, 1)),
  created_at TEXT NOT NULL
);
CREATE INDEX material_posts_group ON material_posts (group_id, closed, until_on);

CREATE TABLE collective_purchases (
  id @ID@,
  group_id BIGINT NOT NULL REFERENCES groups (id),
  supplier TEXT NOT NULL,
  material TEXT NOT NULL,
  unit TEXT NOT NULL,
  quantity BIGINT NOT NULL CHECK (quantity > 0),
  group_price BIGINT NOT NULL CHECK (group_price >= 0),
  alone_price BIGINT NOT NULL CHECK (alone_price >= 0),
  purchased_on TEXT NOT NULL,
  entry_id BIGINT NULL REFERENCES ledger_entries (id),
  created_at TEXT NOT NULL
);
CREATE INDEX collective_purchases_group ON collective_purchases (group_id, id);

-- A region's compliance table counts every group's held meetings in a range of days from this
-- index alone.
CREATE INDEX meetings_day ON meetings (held_on, status, group_id);
