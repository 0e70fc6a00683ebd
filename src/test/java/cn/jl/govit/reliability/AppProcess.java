package cn.jl.govit.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The application as a separate operating-system process (java -cp &lt;the test class path&gt;
 * cn.jl.govit.GovItApplication), for tests that kill it: its output goes to a log file under the build
 * directory, it is started on a free port and is ready when {@code /actuator/health} answers {@code UP}.
 * <p>
 * The class path: under Surefire {@code java.class.path} may name only the manifest-only booter jar
 * ({@code useManifestOnlyJar}, the default); a jar whose manifest has a {@code Class-Path} is replaced by the
 * entries it names, so the child gets the real class path either way (written into an {@code @argfile}: it is
 * too long for some command lines).
 */
final class AppProcess implements AutoCloseable {

    private static final String MAIN = "cn.jl.govit.GovItApplication";

    private final String name;
    private final Path log;
    private final int port;
    private final Process process;

    private AppProcess(String name, Path log, int port, Process process) {
        this.name = name;
        this.log = log;
        this.port = port;
        this.process = process;
    }

    /** Starts the application with the given {@code --key=value} arguments (server.port is added). */
    static AppProcess start(String name, Path logDir, List<String> arguments) throws IOException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        Path argfile = logDir.resolve(name + ".args");
        List<String> jvm = new ArrayList<>();
        jvm.add("-cp");
        jvm.add(quote(String.join(java.io.File.pathSeparator, classPath())));
        Files.write(argfile, jvm, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + argfile);
        // a small heap and the quick compiler: the process lives a minute, and two cores are shared
        command.add("-Xmx512m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add("-Duser.home=" + System.getProperty("user.home"));
        command.add(MAIN);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        Files.writeString(log, "### " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new AppProcess(name, log, port, process);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until the health endpoint answers {@code UP}; fails with the log's tail if the process ends first. */
    Duration awaitUp(Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " ended with " + process.exitValue() + " before it was up:\n" + tail());
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(name + " not up within " + timeout + ":\n" + tail());
    }

    /**
     * SIGKILL: {@link Process#destroyForcibly()} sends SIGKILL on Linux; the exit value 137 (128 + 9) that the
     * caller can assert on proves it was that signal and not an orderly shutdown.
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " still alive 30 s after SIGKILL");
        }
        return process.exitValue();
    }

    /** An orderly stop (SIGTERM: the context closes and the embedded server with it); SIGKILL if it hangs. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The last lines of the log, for a failure message. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
        catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Whether the log holds a line containing {@code text}. */
    boolean logged(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the class path was found, for the test's output. */
    static String classPathSource() {
        List<String> entries = List.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
        boolean manifestOnly = entries.stream().anyMatch(e -> !manifestClassPath(Path.of(e)).isEmpty());
        return manifestOnly ? "java.class.path is a manifest-only jar: its Class-Path expanded"
                : "java.class.path is the full test class path (" + entries.size() + " entries)";
    }

    /** The test class path with every manifest-only jar replaced by the entries of its Class-Path. */
    static List<String> classPath() {
        Set<String> all = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            List<String> named = manifestClassPath(Path.of(entry));
            if (named.isEmpty()) {
                all.add(Path.of(entry).toAbsolutePath().toString());
            }
            else {
                all.addAll(named);
            }
        }
        return List.copyOf(all);
    }

    /**
     * The Class-Path entries of a manifest-only jar (one without classes of its own: Surefire's booter); a
     * library jar that names a few siblings stays as it is.
     */
    private static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().endsWith(".jar") || !Files.isRegularFile(jar) || !jar.getFileName().toString()
                .startsWith("surefirebooter")) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            URI base = jar.toUri();
            for (String item : classPath.trim().split("\\s+")) {
                entries.add(Path.of(base.resolve(new URI(item))).toAbsolutePath().toString());
            }
            return entries;
        }
        catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the class path of " + jar, e);
        }
    }

    /** A free TCP port on this machine (taken again by the child a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** The process whose id is on the first line of a PostgreSQL data directory's {@code postmaster.pid}. */
    static Optional<ProcessHandle> postmaster(Path pgData) throws IOException {
        Path lock = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(lock)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(lock, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
    }

    /** SIGKILL to a process that is not our child (a postmaster) and waits for it to be gone. */
    static void sigkill(ProcessHandle process) throws Exception {
        process.destroyForcibly();
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    /** A class-path argument in an argfile: quoted, backslashes doubled (the argfile's escaping). */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\") + "\"";
    }
}
