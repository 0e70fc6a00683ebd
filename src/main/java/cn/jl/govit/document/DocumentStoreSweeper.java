package cn.jl.govit.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;

/**
 * Removes from the document folder what a crash or a failed transaction can leave behind: temporary files of an
 * interrupted write and stored files that no record points at (moved into place, then the transaction never
 * committed). Only files older than {@code govit.document.orphan-age} are touched, so that a write in progress
 * is never disturbed. Runs on {@code govit.document.sweep-cron}; each run that removes something is one audit
 * event listing the files, and a log line.
 */
@Service
public class DocumentStoreSweeper {

    private static final Logger log = LoggerFactory.getLogger(DocumentStoreSweeper.class);

    private final DocumentStorage storage;
    private final DocumentRepository repository;
    private final DocumentProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    DocumentStoreSweeper(DocumentStorage storage, DocumentRepository repository, DocumentProperties properties,
            AuditLog audit, Clock clock) {
        this.storage = storage;
        this.repository = repository;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a sweep removed: file names in the document folder. */
    public record SweepReport(List<String> temporaryFiles, List<String> orphanFiles) {

        public int removed() {
            return temporaryFiles.size() + orphanFiles.size();
        }
    }

    @Transactional
    public SweepReport sweep() {
        Path root = storage.root();
        if (!Files.isDirectory(root)) {
            return new SweepReport(List.of(), List.of());
        }
        Instant cutoff = clock.instant().minus(properties.getOrphanAge());
        List<String> temporary = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                boolean temp = DocumentStorage.isTemporaryName(name);
                boolean stored = DocumentStorage.isStorageName(name);
                if (!Files.isRegularFile(file) || !temp && !stored || !olderThan(file, cutoff)) {
                    continue;
                }
                if (temp) {
                    if (Files.deleteIfExists(file)) {
                        temporary.add(name);
                    }
                }
                else if (!repository.isRecorded(name) && Files.deleteIfExists(file)) {
                    orphans.add(name);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot sweep the document folder", e);
        }
        SweepReport report = new SweepReport(List.copyOf(temporary), List.copyOf(orphans));
        if (report.removed() > 0) {
            log.warn("document sweep removed {} temporary and {} orphan files: {} {}", temporary.size(), orphans.size(),
                    temporary, orphans);
            audit.record(Actor.SYSTEM, "DOCUMENT_STORE_SWEPT", "Document", "store", null, temporary.size()
                    + " temporary, " + orphans.size() + " orphan files removed: " + String.join(", ", temporary)
                    + (temporary.isEmpty() || orphans.isEmpty() ? "" : ", ") + String.join(", ", orphans));
        }
        return report;
    }

    private static boolean olderThan(Path file, Instant cutoff) throws IOException {
        return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
    }
}
