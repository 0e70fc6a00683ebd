-- Fund plans (资金计划下达) issued by Finance per funding source of an approved project (Art. 21).
-- Never deleted: the first issue date per source is a fact other rules depend on (Art. 23 (3)).
CREATE TABLE fund_plan (
    id                 UUID PRIMARY KEY,
    project_id         UUID NOT NULL REFERENCES project (id),
    source             TEXT NOT NULL,
    amount             NUMERIC(15, 2) NOT NULL CHECK (amount > 0),
    issued_on          DATE NOT NULL,
    issued_by          TEXT NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX fund_plan_project_idx ON fund_plan (project_id, source, issued_on);
