package cn.jl.govit.document;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits and schedules of the document store ({@code govit.document.*}). The multipart limits
 * ({@code spring.servlet.multipart.*}) stop an oversized request before it is buffered; these apply to what
 * reaches the store, from any module. Mutable so that a test can lower a limit for a moment.
 */
@ConfigurationProperties("govit.document")
public class DocumentProperties {

    /** Largest file stored. */
    private DataSize maxFileSize = DataSize.ofMegabytes(50);
    /** Largest number of entries in an archive or office container. */
    private int maxEntries = 10_000;
    /** Largest total uncompressed size of an archive or office container. */
    private DataSize maxUncompressedSize = DataSize.ofMegabytes(500);
    /** Largest ratio of uncompressed to compressed bytes, checked once 1 MiB has been inflated. */
    private int maxCompressionRatio = 100;
    /** The sweeper removes temporary and orphan files older than this. */
    private Duration orphanAge = Duration.ofHours(24);
    /** When the sweeper runs (Asia/Shanghai). */
    private String sweepCron = "0 15 2 * * *";
    /** When the fixity check of every stored document runs (Asia/Shanghai). */
    private String fixityCron = "0 45 2 * * SUN";

    public DataSize getMaxFileSize() {
        return maxFileSize;
    }

    public void setMaxFileSize(DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    public int getMaxEntries() {
        return maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    public DataSize getMaxUncompressedSize() {
        return maxUncompressedSize;
    }

    public void setMaxUncompressedSize(DataSize maxUncompressedSize) {
        this.maxUncompressedSize = maxUncompressedSize;
    }

    public int getMaxCompressionRatio() {
        return maxCompressionRatio;
    }

    public void setMaxCompressionRatio(int maxCompressionRatio) {
        this.maxCompressionRatio = maxCompressionRatio;
    }

    public Duration getOrphanAge() {
        return orphanAge;
    }

    public void setOrphanAge(Duration orphanAge) {
        this.orphanAge = orphanAge;
    }

    public String getSweepCron() {
        return sweepCron;
    }

    public void setSweepCron(String sweepCron) {
        this.sweepCron = sweepCron;
    }

    public String getFixityCron() {
        return fixityCron;
    }

    public void setFixityCron(String fixityCron) {
        this.fixityCron = fixityCron;
    }
}
