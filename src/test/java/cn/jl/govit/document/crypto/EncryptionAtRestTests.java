package cn.jl.govit.document.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import cn.jl.govit.organization.Role;
import cn.jl.govit.organization.UserAccounts;
import cn.jl.govit.rulebook.FieldCipher;
import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;
import cn.jl.govit.support.Pages;

/**
 * Encryption at rest (issue 7.5) end to end: the experts' ID numbers and phones and the users' e-mail addresses are
 * sealed with SM4-GCM in the database, readable in full only through the service, masked on the pool page; the
 * raw table contents and a {@code pg_dump} of the database hold none of them in clear; values written in clear
 * before are sealed by the start-up migration; the security administrator's rotation re-seals everything under a
 * new key id.
 */
@GovItTest
class EncryptionAtRestTests {

    /** The demo experts' fictitious personal data (DemoExperts). */
    static final List<String> DEMO_CLEAR = List.of("22010219700101123X", "220104197512120043", "220203198005051614",
            "220106196808083024", "22010219820303045X", "13904310001", "13904310002", "0431-88990003", "13904310004",
            "13904310005");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserAccounts accounts;

    @Autowired
    FieldKeys keys;

    @Autowired
    SealClearValues sealClearValues;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    WebApplicationContext context;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Api api() {
        return new Api(port);
    }

    @Test
    void anExpertsIdNumberAndPhoneAreSealedReadableByTheManagersAndMaskedOnThePage() throws Exception {
        Api api = api();
        Api.Response contact = api.as("admin").get("experts/expert2/contact");
        assertThat(contact.status()).isEqualTo(200);
        assertThat(contact.text("$.idNumber")).isEqualTo("220104197512120043");
        assertThat(contact.text("$.phone")).isEqualTo("13904310002");

        Map<String, Object> raw = jdbc.sql("SELECT id_number, id_number_index, phone FROM expert WHERE username = 'expert2'")
                .query().singleRow();
        assertThat((String) raw.get("id_number")).matches("sm4gcm:[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+").doesNotContain("220104");
        assertThat((String) raw.get("id_number_index")).matches("[0-9a-f]{64}");
        assertThat((String) raw.get("phone")).startsWith("sm4gcm:").doesNotContain("13904310002");

        String page = new Pages(context, users).body("szsj", get("/experts"));
        assertThat(page).contains("220***********0043").contains("139****0002")
                .doesNotContain("220104197512120043").doesNotContain("13904310002");

        // only those who manage the pool read it, the expert himself not through this API, nobody outside it
        assertThat(api.as("rst").get("experts/expert2/contact").status()).isEqualTo(403);
        assertThat(api.as("expert2").get("experts/expert2/contact").status()).isEqualTo(403);
        assertThat(api.anonymous().get("experts/expert2/contact").status()).isEqualTo(401);
    }

    @Test
    void theBlindIndexFindsAnExpertByIdNumberAndKeepsItUnique() {
        Api api = api();
        Api.Response found = api.as("fgw").post("experts/lookup", Map.of("idNumber", "22010219820303045x"));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.text("$.username")).isEqualTo("expert5");
        assertThat(api.as("fgw").post("experts/lookup", Map.of("idNumber", "11010519491231002X")).status()).isEqualTo(404);
        assertThat(api.as("fgw").post("experts/lookup", Map.of("idNumber", "12345")).status()).isEqualTo(400);
        assertThat(api.as("rst").post("experts/lookup", Map.of("idNumber", "22010219820303045X")).status()).isEqualTo(403);

        Api.Response taken = api.as("admin").send(org.springframework.http.HttpMethod.PUT, "experts/expert4/contact",
                "application/json", Map.of("idNumber", "22010219820303045X", "phone", "13904310004"));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("idNumber");
        Api.Response badPhone = api.as("admin").send(org.springframework.http.HttpMethod.PUT, "experts/expert4/contact",
                "application/json", Map.of("idNumber", "220106196808083024", "phone", "12"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(api.as("admin").get("experts/expert4/contact").text("$.phone")).isEqualTo("13904310004");
    }

    @Test
    void aChangedContactIsSealedAgainAndTheAuditNamesNoValue() {
        Api api = api();
        Number version = api.as("admin").get("experts/expert3/contact").<Number>json("$.version");
        Api.Response changed = api.as("admin").send(org.springframework.http.HttpMethod.PUT, "experts/expert3/contact",
                "application/json", Map.of("idNumber", "11010519491231002X", "phone", "13800001111", "version", version));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("$.phone")).isEqualTo("13800001111");
        try {
            assertThat(api.as("admin").post("experts/lookup", Map.of("idNumber", "11010519491231002X")).text("$.username"))
                    .isEqualTo("expert3");
            assertThat(rawText("expert")).doesNotContain("11010519491231002X").doesNotContain("13800001111");
            assertThat(rawText("audit_event")).doesNotContain("11010519491231002X").doesNotContain("13800001111")
                    .contains("EXPERT_CONTACT_CHANGED");
            // a stale version is refused
            assertThat(api.as("admin").send(org.springframework.http.HttpMethod.PUT, "experts/expert3/contact",
                    "application/json", Map.of("idNumber", "", "phone", "", "version", version)).status()).isEqualTo(409);
        }
        finally {
            Number now = api.as("admin").get("experts/expert3/contact").<Number>json("$.version");
            assertThat(api.as("admin").send(org.springframework.http.HttpMethod.PUT, "experts/expert3/contact",
                    "application/json", Map.of("idNumber", "220203198005051614", "phone", "0431-88990003", "version", now))
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void aUsersEmailIsSealedAndStillMailedToInClear() {
        String name = "enc" + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@mail.jl.gov.cn";
        accounts.create(name, "加密测试用户", "RST", Set.of(Role.DEPARTMENT_STAFF), "Enc@2026-Strong!x", email);
        String raw = jdbc.sql("SELECT email FROM app_user WHERE username = :u").param("u", name).query(String.class).single();
        assertThat(raw).startsWith("sm4gcm:").doesNotContain(name);
        assertThat(accounts.get(name).email()).isEqualTo(email);
        accounts.changeEmail(name, "other-" + email);
        assertThat(accounts.get(name).email()).isEqualTo("other-" + email);
        assertThat(rawText("app_user")).doesNotContain(email);
    }

    @Test
    void valuesWrittenInClearBeforeAreSealedByTheStartupMigration() {
        String name = "enc" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(name, "迁移测试用户", "RST", Set.of(Role.DEPARTMENT_STAFF), "Enc@2026-Strong!x", null);
        String clear = name + "@legacy.jl.gov.cn";
        tx.executeWithoutResult(status -> {
            // as the table was before V6_20: the constraint that refuses clear values is transactional DDL, rolled back below
            jdbc.sql("ALTER TABLE app_user DROP CONSTRAINT app_user_email_sealed").update();
            jdbc.sql("UPDATE app_user SET email = :e WHERE username = :u").param("e", clear).param("u", name).update();
            Map<String, Integer> sealed = sealClearValues.run();
            assertThat(sealed).containsEntry("app_user.email", 1);
            String raw = jdbc.sql("SELECT email FROM app_user WHERE username = :u").param("u", name).query(String.class).single();
            assertThat(raw).startsWith("sm4gcm:").doesNotContain(clear);
            assertThat(accounts.get(name).email()).isEqualTo(clear);
            assertThat(sealClearValues.run().values()).containsOnly(0);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'FIELD_VALUES_SEALED'").query(Long.class)
                    .single()).isPositive();
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conname = 'app_user_email_sealed'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theRawTablesHoldNoPersonalDataInClear() {
        for (String table : List.of("expert", "app_user", "audit_event")) {
            String text = rawText(table);
            for (String clear : DEMO_CLEAR) {
                assertThat(text).as(table).doesNotContain(clear);
            }
        }
        // every value of every declared column is sealed; none is in clear
        jdbc.sql("SELECT email FROM app_user WHERE email IS NOT NULL UNION ALL SELECT id_number FROM expert "
                        + "WHERE id_number IS NOT NULL UNION ALL SELECT phone FROM expert WHERE phone IS NOT NULL")
                .query(String.class).list()
                .forEach(v -> assertThat(FieldCipher.isSealed(v)).as(v).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM expert WHERE id_number IS NOT NULL").query(Long.class).single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aDatabaseDumpHoldsNoPersonalDataInClear() throws Exception {
        Path pgDump = Path.of("/usr/bin/pg_dump");
        // zonky's embedded binaries carry no pg_dump; Debian's client of the same major version reads the database
        Assumptions.assumeTrue(Files.isExecutable(pgDump), "pg_dump is not installed");
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String url = hikari.getJdbcUrl();
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        Path out = Files.createTempFile("govit-dump", ".sql");
        try {
            ProcessBuilder builder = new ProcessBuilder(pgDump.toString(), "--host", uri.getHost(), "--port",
                    String.valueOf(uri.getPort()), "--username", hikari.getUsername(), "--no-password", "--data-only",
                    "--table", "expert", "--table", "app_user", "--table", "audit_event", database)
                    .redirectOutput(out.toFile()).redirectErrorStream(false);
            if (hikari.getPassword() != null) {
                builder.environment().put("PGPASSWORD", hikari.getPassword());
            }
            Process process = builder.start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(errors).isZero();
            String dump = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(dump).contains("COPY public.expert").contains("sm4gcm:");
            for (String clear : DEMO_CLEAR) {
                assertThat(dump).doesNotContain(clear);
            }
        }
        finally {
            Files.deleteIfExists(out);
        }
    }

    @Test
    void theSecurityAdministratorRotatesTheKeyAndEverythingIsResealedUnderIt() {
        Api api = api();
        // separation of duties: the system administrator, an approver, an auditor may not
        assertThat(api.as("admin").post("security/field-keys/rotation", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("szsj").post("security/field-keys/rotation", Map.of()).status()).isEqualTo(403);
        assertThat(api.as("admin").get("security/field-keys").status()).isEqualTo(403);
        assertThat(api.anonymous().get("security/field-keys").status()).isEqualTo(401);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "security-administrator", null, List.of(new SimpleGrantedAuthority("ROLE_SECURITY_ADMIN"))));
        String before = keys.state().currentKeyId();
        FieldKeys.Rotation rotation = keys.rotate();
        assertThat(rotation.previousKeyId()).isEqualTo(before);
        assertThat(rotation.currentKeyId()).isNotEqualTo(before);
        assertThat(rotation.resealed().get("expert.id_number")).isGreaterThanOrEqualTo(5);
        assertThat(rotation.resealed().get("expert.phone")).isGreaterThanOrEqualTo(5);
        FieldKeys.State state = keys.state();
        assertThat(state.currentKeyId()).isEqualTo(rotation.currentKeyId());
        assertThat(state.keyIds()).contains(before, rotation.currentKeyId());
        // every sealed value is under the new key id now, nothing in clear
        state.columns().forEach((column, byKey) -> assertThat(byKey.keySet()).as(column)
                .isSubsetOf(Set.of(rotation.currentKeyId())));
        List<String> keyIds = new ArrayList<>();
        jdbc.sql("SELECT split_part(id_number, ':', 2) FROM expert WHERE id_number IS NOT NULL UNION "
                + "SELECT split_part(phone, ':', 2) FROM expert WHERE phone IS NOT NULL UNION "
                + "SELECT split_part(email, ':', 2) FROM app_user WHERE email IS NOT NULL").query(String.class).list()
                .forEach(keyIds::add);
        assertThat(keyIds).containsOnly(rotation.currentKeyId());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'FIELD_KEY_ROTATED' AND entity_id = :k")
                .param("k", rotation.currentKeyId()).query(Long.class).single()).isEqualTo(1);
        SecurityContextHolder.clearContext();

        // the values read the same, and the blind index (its own key) still finds them
        assertThat(api.as("admin").get("experts/expert1/contact").text("$.idNumber")).isEqualTo("22010219700101123X");
        assertThat(api.as("admin").post("experts/lookup", Map.of("idNumber", "22010219700101123X")).text("$.username"))
                .isEqualTo("expert1");
    }

    /** A table's rows as PostgreSQL prints them: every column, as it lies in the database. */
    String rawText(String table) {
        return String.join("\n", jdbc.sql("SELECT t::text FROM " + table + " t").query(String.class).list());
    }

}
