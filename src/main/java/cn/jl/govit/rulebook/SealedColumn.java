package cn.jl.govit.rulebook;

import java.util.function.UnaryOperator;

/**
 * A database column that holds personal data sealed by {@link FieldCipher}, declared as a bean by the module
 * that owns the table, so that the start-up migration seals rows written before encryption at rest and the key
 * rotation re-seals every value under the current key without knowing the modules. {@code indexColumn}, if
 * not {@code null}, holds the blind index of the value normalised by {@code normaliser}.
 */
public record SealedColumn(String table, String idColumn, String column, String indexColumn,
        UnaryOperator<String> normaliser) {

    public SealedColumn {
        for (String name : new String[] {table, idColumn, column}) {
            if (name == null || !name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("a sealed column names a table and columns in lower case: " + name);
            }
        }
        if (indexColumn != null && (!indexColumn.matches("[a-z_]+") || normaliser == null)) {
            throw new IllegalArgumentException("a blind index needs a column name and a normaliser");
        }
    }

    /** The associated data of the row's value: the column and the row's key, so a value cannot move. */
    public String context(Object id) {
        return table + "." + column + ":" + id;
    }

    /** The name the blind index is computed under. */
    public String indexName() {
        return table + "." + column;
    }

    /** {@code table.column}, for reports. */
    @Override
    public String toString() {
        return table + "." + column;
    }
}
