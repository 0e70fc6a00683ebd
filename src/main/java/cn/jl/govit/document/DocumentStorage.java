package cn.jl.govit.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The bytes of stored documents under {@code ${govit.data-dir}/documents/}, each in a file whose name the
 * platform generates (never the client's). A file is written to a temporary name, forced to disk and moved
 * into place atomically, so that a crash leaves either no file or the whole one; if the transaction that
 * records it rolls back, the file is removed again. A crash between the move and the commit leaves a file no
 * record points at; {@link DocumentStoreSweeper} removes those.
 */
@Component
class DocumentStorage {

    private final Path root;

    DocumentStorage(@Value("${govit.data-dir}") String dataDir) {
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("documents");
    }

    /** The folder of the stored files. */
    Path root() {
        return root;
    }

    /** Writes the bytes and answers the generated storage name. */
    String write(byte[] bytes) {
        String name = UUID.randomUUID() + ".bin";
        Path target = resolve(name);
        Path temp = root.resolve(".tmp-" + name);
        try {
            Files.createDirectories(root);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            syncDirectory();
        }
        catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot store document", e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        deleteQuietly(target);
                    }
                }
            });
        }
        return name;
    }

    byte[] read(String name) {
        try {
            return Files.readAllBytes(resolve(name));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + name, e);
        }
    }

    /** The file of a storage name (which must be one the platform generated). */
    Path pathOf(String name) {
        return resolve(name);
    }

    /** Whether a file name in the folder is one the platform generates for stored documents. */
    static boolean isStorageName(String name) {
        return name.matches("[0-9a-f-]{36}\\.bin");
    }

    /** Whether a file name in the folder is a temporary file of {@link #write}. */
    static boolean isTemporaryName(String name) {
        return name.startsWith(".tmp-");
    }

    private Path resolve(String name) {
        if (!isStorageName(name)) {
            throw new IllegalArgumentException("not a storage name: " + name);
        }
        return root.resolve(name);
    }

    /** Makes the new directory entry durable; not every platform can open a directory, which is fine. */
    private void syncDirectory() {
        try (FileChannel dir = FileChannel.open(root, StandardOpenOption.READ)) {
            dir.force(true);
        }
        catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; the move itself is atomic there too
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException e) {
            // a stray file is harmless: no record points at it
        }
    }
}
