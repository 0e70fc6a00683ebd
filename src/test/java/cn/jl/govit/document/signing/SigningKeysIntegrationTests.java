package cn.jl.govit.document.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import cn.jl.govit.support.Api;
import cn.jl.govit.support.GovItTest;

/** The authorities' keys exist from the first start, are published, sealed at rest and verify signatures. */
@GovItTest
class SigningKeysIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    SigningKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bothAuthoritiesPublishAnSm2Key() {
        Api api = new Api(port);
        for (String issuer : new String[] {"SZSJ", "FGW"}) {
            Api.Response key = api.as("rst").get("signing-keys/" + issuer);
            assertThat(key.status()).isEqualTo(200);
            assertThat(key.text("$.algorithm")).isEqualTo("SM3withSM2");
            assertThat(key.text("$.publicKeyPem")).startsWith("-----BEGIN PUBLIC KEY-----");
            assertThat(api.as("rst").get("signing-keys/" + issuer + ".pem").body()).isEqualTo(key.text("$.publicKeyPem"));
        }
        assertThat(api.as("rst").get("signing-keys/RST").status()).isEqualTo(404);
        assertThat(api.anonymous().get("signing-keys/SZSJ").status()).isEqualTo(401);
    }

    @Test
    void thePrivateKeyIsStoredOnlySealed() {
        byte[] sealed = jdbc.queryForObject("SELECT private_key_sealed FROM signing_key WHERE issuer = 'SZSJ'", byte[].class);
        // a PKCS#8 EC private key in clear starts with a DER SEQUENCE and names the EC algorithm OID 1.2.840.10045.2.1
        byte[] ecOid = {0x06, 0x07, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
        assertThat(indexOf(sealed, ecOid)).isNegative();
    }

    @Test
    void theVerificationEndpointTellsASignedDocumentFromAnAlteredOne() {
        byte[] document = "批复正文".getBytes(StandardCharsets.UTF_8);
        SigningKeys.Signed signed = keys.sign("SZSJ", document);
        assertThat(keys.verify("SZSJ", document, Base64.getDecoder().decode(signed.signature()))).isTrue();
        assertThat(keys.verify("FGW", document, Base64.getDecoder().decode(signed.signature()))).isFalse();

        assertThat(verify(document, signed.signature())).contains("\"valid\":true");
        assertThat(verify("批复正文。".getBytes(StandardCharsets.UTF_8), signed.signature())).contains("\"valid\":false");
    }

    private String verify(byte[] file, String signature) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "reply.pdf";
            }
        });
        form.add("signature", signature);
        form.add("issuer", "SZSJ");
        return RestClient.create().post().uri("http://localhost:" + port + "/api/v1/signatures/verification")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                        .encodeToString("rst:Demo@2026".getBytes(StandardCharsets.UTF_8)))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).retrieve().body(String.class);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
