package cn.jl.govit.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform under test as its own process, started the way the README's {@code java -jar} starts it (main class,
 * runtime class path, the embedded PostgreSQL on the given data folder, demo data), never with the test
 * configuration: the harness measures what users run. The embedded PostgreSQL listens on a fixed port so that the
 * harness can time the raw SQL on the same server.
 */
final class BenchmarkApp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int databasePort;
    private final Path log;
    private final long startedMillis;

    private BenchmarkApp(Process process, int port, int databasePort, Path log, long startedMillis) {
        this.process = process;
        this.port = port;
        this.databasePort = databasePort;
        this.log = log;
        this.startedMillis = startedMillis;
    }

    /**
     * Starts the application on {@code dataDir}; {@code classPath} is its runtime class path (target/classes and the
     * runtime dependencies, written by {@code scripts/benchmark.sh}); {@code jvmOptions} as a user would give them.
     */
    static BenchmarkApp start(String classPath, Path dataDir, int databasePort, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        int port = freePort();
        Path argfile = log.resolveSibling(log.getFileName() + ".args");
        Files.createDirectories(log.getParent());
        Files.writeString(argfile, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + argfile);
        command.addAll(jvmOptions);
        command.add("cn.jl.govit.GovItApplication");
        command.add("--server.port=" + port);
        command.add("--govit.data-dir=" + dataDir.toAbsolutePath());
        command.add("--govit.embedded-db.port=" + databasePort);
        long started = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BenchmarkApp app = new BenchmarkApp(process, port, databasePort, log, started);
        app.awaitHealthy(Duration.ofMinutes(10));
        return app;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + databasePort + "/postgres";
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(Duration limit) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.currentTimeMillis() + limit.toMillis();
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    System.out.printf("  application healthy after %.1f s (pid %d, port %d, database port %d)%n",
                            (System.currentTimeMillis() - startedMillis) / 1000.0, process.pid(), port, databasePort);
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become healthy within " + limit + "; see " + log);
    }

    /** Resident memory of the application's JVM in MB (Linux), for the report. */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(Arrays.stream(line.split("\\s+")).skip(1).findFirst().orElse("0")) / 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
