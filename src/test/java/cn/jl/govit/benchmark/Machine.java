package cn.jl.govit.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts about the Linux machine for the report: CPU, memory, load, and processes' CPU time from /proc. */
final class Machine {

    private Machine() {
    }

    static String cpuModel() {
        return grep(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", "");
    }

    static String memTotal() {
        String line = grep(Path.of("/proc/meminfo"), "MemTotal");
        try {
            long kb = Long.parseLong(line.replaceAll("\\D", ""));
            return Math.round(kb / 1024.0 / 1024.0) + " GiB";
        }
        catch (NumberFormatException e) {
            return line;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        }
        catch (IOException e) {
            return "?";
        }
    }

    /** User + system CPU of a process in clock ticks (1/100 s on Linux), 0 when it is gone. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may hold spaces: fields count from the closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The CPU of every PostgreSQL process on the machine (the embedded server is the only one while measuring). */
    static long postgresCpuTicks() {
        long sum = 0;
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : procs) {
                try {
                    if (Files.readString(p.resolve("comm")).strip().startsWith("postgres")) {
                        sum += cpuTicks(Long.parseLong(p.getFileName().toString()));
                    }
                }
                catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
        }
        catch (IOException e) {
            return 0;
        }
        return sum;
    }

    private static String grep(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?");
        }
        catch (IOException e) {
            return "?";
        }
    }
}
