package cn.jl.govit.rulebook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks every {@link SealedColumn} the modules declare: seals the values still in clear (rows written before
 * encryption at rest) and re-seals the values under an older key with the current one. Each row is changed
 * only if it still holds the value read (compare and set), so a concurrent edit is never overwritten; the row's
 * version is not bumped, because its meaning did not change and an open form must not get a {@code 409}.
 * The callers audit what was done.
 */
@Component
public class SealedColumns {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final List<SealedColumn> columns;

    SealedColumns(JdbcClient jdbc, FieldCipher cipher, List<SealedColumn> columns) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
    }

    /** The declared columns. */
    public List<SealedColumn> columns() {
        return columns;
    }

    /** Seals every value still in clear; returns the rows changed per column. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> sealClearValues() {
        Map<String, Integer> changed = new LinkedHashMap<>();
        for (SealedColumn c : columns) {
            changed.put(c.toString(), walk(c, "NOT LIKE 'sm4gcm:%'", true));
        }
        return changed;
    }

    /** Re-seals every value that is not under the current key; returns the rows changed per column. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Integer> resealUnderCurrentKey() {
        Map<String, Integer> changed = new LinkedHashMap<>();
        String current = cipher.currentKeyId();
        for (SealedColumn c : columns) {
            // the key id is [A-Za-z0-9_-]; '_' is a LIKE wildcard, which only widens the set re-read below
            changed.put(c.toString(), walk(c, "LIKE 'sm4gcm:%' AND " + c.column() + " NOT LIKE 'sm4gcm:" + current + ":%'", false));
        }
        return changed;
    }

    /** How many values of each column are in clear, and under which key the others are: a figure for the report. */
    @Transactional(readOnly = true)
    public Map<String, Map<String, Long>> census() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (SealedColumn c : columns) {
            Map<String, Long> byKey = new LinkedHashMap<>();
            jdbc.sql("SELECT CASE WHEN " + c.column() + " LIKE 'sm4gcm:%' THEN split_part(" + c.column() + ", ':', 2) "
                            + "ELSE 'clear' END AS k, count(*) FROM " + c.table() + " WHERE " + c.column()
                            + " IS NOT NULL GROUP BY 1 ORDER BY 1")
                    .query((rs, n) -> byKey.put(rs.getString(1), rs.getLong(2))).list();
            out.put(c.toString(), byKey);
        }
        return out;
    }

    private int walk(SealedColumn c, String condition, boolean clear) {
        int changed = 0;
        Object after = null;
        while (true) {
            // keyset paging on the row key: each row is visited once even if it cannot be changed
            List<Object[]> rows = jdbc.sql("SELECT " + c.idColumn() + ", " + c.column() + " FROM " + c.table()
                            + " WHERE " + c.column() + " IS NOT NULL AND " + c.column() + " " + condition
                            + (after == null ? "" : " AND " + c.idColumn() + " > :after")
                            + " ORDER BY " + c.idColumn() + " LIMIT " + BATCH)
                    .params(after == null ? Map.of() : Map.of("after", after))
                    .query((rs, n) -> new Object[] {rs.getObject(1), rs.getString(2)}).list();
            if (rows.isEmpty()) {
                return changed;
            }
            for (Object[] row : rows) {
                Object id = row[0];
                String old = (String) row[1];
                if (clear == FieldCipher.isSealed(old) || (!clear && FieldCipher.keyIdOf(old).equals(cipher.currentKeyId()))) {
                    continue;
                }
                String value = clear ? old : cipher.open(c.context(id), old);
                String sealed = cipher.seal(c.context(id), value);
                String set = c.column() + " = :sealed" + (clear && c.indexColumn() != null
                        ? ", " + c.indexColumn() + " = :index" : "");
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("sealed", sealed);
                params.put("id", id);
                params.put("old", old);
                if (clear && c.indexColumn() != null) {
                    params.put("index", cipher.blindIndex(c.indexName(), c.normaliser().apply(value)));
                }
                changed += jdbc.sql("UPDATE " + c.table() + " SET " + set + " WHERE " + c.idColumn() + " = :id AND "
                        + c.column() + " = :old").params(params).update();
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }
}
