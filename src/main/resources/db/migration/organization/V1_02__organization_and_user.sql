-- Organisations: the provincial bodies of the measures (Art. 4-5) are reference data in every installation.
CREATE TABLE organization (
    code      TEXT PRIMARY KEY CHECK (code ~ '^[A-Z][A-Z0-9]{1,15}$'),
    name_zh   TEXT NOT NULL,
    name_en   TEXT,
    kind      TEXT NOT NULL CHECK (kind IN ('PROVINCIAL_BODY', 'DEPARTMENT')),
    duty_area TEXT,
    active    BOOLEAN NOT NULL DEFAULT true,
    version   BIGINT NOT NULL DEFAULT 0
);

INSERT INTO organization (code, name_zh, name_en, kind, duty_area) VALUES
    ('SZSJ', '省政务服务和数字化局', 'Provincial Government Services and Digitalisation Bureau', 'PROVINCIAL_BODY', 'APPROVAL_PROGRESS'),
    ('FGW',  '省发展改革委', 'Provincial Development and Reform Commission', 'PROVINCIAL_BODY', 'APPROVAL_PROGRESS'),
    ('CZT',  '省财政厅', 'Provincial Department of Finance', 'PROVINCIAL_BODY', 'FUNDS'),
    ('WXB',  '省委网信办', 'Provincial Cyberspace Affairs Office', 'PROVINCIAL_BODY', 'CYBERSECURITY'),
    ('DAJ',  '省档案局', 'Provincial Archives Bureau', 'PROVINCIAL_BODY', 'ARCHIVES'),
    ('BMJ',  '省国家保密局', 'Provincial State Secrecy Bureau', 'PROVINCIAL_BODY', 'SECRECY'),
    ('MMJ',  '省密码管理局', 'Provincial Cryptography Administration', 'PROVINCIAL_BODY', 'CRYPTOGRAPHY'),
    ('GAT',  '省公安厅', 'Provincial Public Security Department', 'PROVINCIAL_BODY', 'MLPS'),
    ('SJT',  '省审计厅', 'Provincial Audit Office', 'PROVINCIAL_BODY', 'AUDIT'),
    ('AQT',  '省国家安全厅', 'Provincial State Security Department', 'PROVINCIAL_BODY', 'SECURITY_RISK'),
    ('LDXZ', '“数字吉林”建设领导小组', 'Digital Jilin Leading Group', 'PROVINCIAL_BODY', 'COORDINATION'),
    ('SZF',  '省人民政府', 'Provincial People''s Government', 'PROVINCIAL_BODY', 'GOVERNMENT');

CREATE TABLE app_user (
    username            TEXT PRIMARY KEY CHECK (username = lower(username)),
    display_name        TEXT NOT NULL,
    password_hash       TEXT NOT NULL,
    organization_code   TEXT REFERENCES organization (code),
    roles               TEXT[] NOT NULL CHECK (cardinality(roles) > 0),
    enabled             BOOLEAN NOT NULL DEFAULT true,
    failed_attempts     INT NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    version             BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX app_user_organization_idx ON app_user (organization_code);
