package cn.jl.govit.organization.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * PBKDF2 with HMAC-SM3 (GB/T 32905), salted and iterated, so that stored passwords meet the cryptography
 * rules the platform enforces on others (Art. 17, GB/T 39786). Stored as {@code iterations$salt$hash}.
 */
final class Pbkdf2Sm3PasswordEncoder implements PasswordEncoder {

    static final String ID = "pbkdf2-sm3";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    Pbkdf2Sm3PasswordEncoder(int iterations) {
        if (iterations < 1000) {
            throw new IllegalArgumentException("at least 1000 iterations");
        }
        this.iterations = iterations;
    }

    @Override
    public String encode(CharSequence rawPassword) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return iterations + "$" + b64(salt) + "$" + b64(derive(rawPassword, salt, iterations));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String[] parts = encodedPassword.split("\\$");
        if (parts.length != 3) {
            return false;
        }
        try {
            int rounds = Integer.parseInt(parts[0]);
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return rounds >= 1000 && MessageDigest.isEqual(expected, derive(rawPassword, salt, rounds));
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        String[] parts = encodedPassword == null ? new String[0] : encodedPassword.split("\\$");
        return parts.length != 3 || !parts[0].equals(Integer.toString(iterations));
    }

    private static byte[] derive(CharSequence password, byte[] salt, int rounds) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SM3Digest());
        generator.init(password.toString().getBytes(StandardCharsets.UTF_8), salt, rounds);
        return ((KeyParameter) generator.generateDerivedParameters(HASH_BYTES * 8)).getKey();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
