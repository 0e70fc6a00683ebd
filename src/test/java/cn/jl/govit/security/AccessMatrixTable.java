package cn.jl.govit.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected access matrix, {@code src/test/resources/security/access-matrix.tsv}: lines starting with
 * {@code #} are comments, then a header line and one row per method, path pattern and scope with one column per
 * demo user. Keys are {@code method TAB path TAB scope}; rows map user to 200/401/403/404.
 */
final class AccessMatrixTable {

    static final List<String> HEADER = List.of(
            "# GovIT access matrix (issue 7 point 1), checked by AccessMatrixTests against every handler mapping.",
            "# Values: 200 = allowed (a read answered 2xx; a write passed authorisation: 2xx, 400, 409, 413, 415 or",
            "#   422 with an empty body, rolled back); 401 = not signed in (API 401, pages redirect to /login);",
            "#   403 = role refused; 404 = outside scope or no such record.",
            "# scope A = RST's project (authority Digital Bureau/szsj), B = WJW's project (authority DRC/fgw),",
            "#   both under construction with a submission, a decision and a document; E = RST's project whose filed",
            "#   submission is under review by a panel named with expert1 alone (its review; a document, no decision);",
            "#   '-' = no project-scoped record.",
            "# ids: what each path variable is filled with; 'absent' = an id of no record (authorised callers: 404).",
            "# A new mapping needs a row here: run with -Dgovit.accessMatrix.write=true and review the diff.");

    private AccessMatrixTable() {
    }

    /** The rows by key; each row also has the column {@code ids}. */
    static Map<String, Map<String, String>> read(Path table) {
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("the access matrix " + table + " cannot be read", e);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        String[] header = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalStateException("a row of " + table + " has " + cells.length + " cells, the header "
                        + header.length + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 3; i < cells.length; i++) {
                row.put(header[i], cells[i]);
            }
            String key = cells[0] + "\t" + cells[1] + "\t" + cells[2];
            if (rows.put(key, row) != null) {
                throw new IllegalStateException("two rows for " + key.replace('\t', ' ') + " in " + table);
            }
        }
        return rows;
    }
}
