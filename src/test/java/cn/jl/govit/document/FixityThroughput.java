package cn.jl.govit.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Measures the fixity check's throughput: writes {@code N} documents of {@code size} bytes in the store's layout
 * (generated names) into a temporary folder, records their SM3 digests, then times a full re-computation with the
 * check's own {@link FixityScanner} and prints documents and megabytes per second. A command for docs/security.md,
 * not a test: nothing is asserted. Usage: {@code FixityThroughput [N=2000] [size=262144] [rounds=3]}.
 */
public final class FixityThroughput {

    private FixityThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 256 * 1024;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = Files.createTempDirectory("govit-fixity-");
        Random random = new Random(42);
        FixityScanner scanner = new FixityScanner();
        List<Path> files = new ArrayList<>(n);
        List<String> recorded = new ArrayList<>(n);
        byte[] bytes = new byte[size];
        for (int i = 0; i < n; i++) {
            random.nextBytes(bytes);
            Path file = root.resolve(UUID.randomUUID() + ".bin");
            Files.write(file, bytes);
            files.add(file);
            recorded.add(scanner.sm3(file));
        }
        // flip one byte of one document, as the check must find it
        byte[] first = Files.readAllBytes(files.get(0));
        first[0] ^= 1;
        Files.write(files.get(0), first);
        try {
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                int changed = 0;
                for (int i = 0; i < n; i++) {
                    if (!recorded.get(i).equals(scanner.sm3(files.get(i)))) {
                        changed++;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: %d documents of %d bytes in %.2f s: %.0f documents/s, %.1f MB/s, %d changed%n",
                        round, n, size, seconds, n / seconds, (double) n * size / seconds / (1024 * 1024), changed);
            }
        }
        finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(root);
        }
    }
}
