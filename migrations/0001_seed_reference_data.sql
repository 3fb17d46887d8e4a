-- Reference data, seeded once by the migration itself so Node and D1 get the same rows.
-- Region rules are sane starting values the office is expected to tune (PUT /api/v1/regions/{id}/rules).
INSERT OR IGNORE INTO regions (id, name, name_en, hq_name, timezone, max_concurrent_delegations, min_gap_days, updated_at) VALUES
  ('aksu',  '阿克苏地区',         'Aksu Prefecture',                 '浙江省援疆前方指挥部(阿克苏)',   'Asia/Shanghai', 3, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('alar',  '兵团第一师阿拉尔市', '1st Division / Alar City (XPCC)', '浙江省援兵团前方指挥部(阿拉尔)', 'Asia/Shanghai', 3, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('nagqu', '那曲市',             'Nagqu',                           '浙江省援藏前方指挥部(那曲)',     'Asia/Shanghai', 3, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('haixi', '海西州',             'Haixi Prefecture',                '浙江省援青前方指挥部(海西)',     'Asia/Shanghai', 3, 0, strftime('%Y-%m-%dT%H:%M:%fZ','now'));
--> statement-breakpoint
INSERT OR IGNORE INTO units (id, name, kind, created_at) VALUES
  ('hangzhou', '杭州市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('ningbo',   '宁波市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('wenzhou',  '温州市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('jiaxing',  '嘉兴市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('huzhou',   '湖州市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('shaoxing', '绍兴市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('jinhua',   '金华市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('quzhou',   '衢州市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('zhoushan', '舟山市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('taizhou',  '台州市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  ('lishui',   '丽水市', 'city', strftime('%Y-%m-%dT%H:%M:%fZ','now'));
