package cn.jl.govit.audit.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One run at a time of a long read, shared by whoever asks while it runs: a verification of ten million events
 * takes about a minute of both cores, and fifty auditors pressing the button at once should wait for that one run,
 * not start fifty. A caller that arrives while a run is under way gets that run's result, which covers the chain up
 * to the head the run read; a caller after it ends starts a new run.
 */
public final class SharedRun<T> {

    private final AtomicReference<CompletableFuture<T>> running = new AtomicReference<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /** How many callers wait for the run under way. */
    int waiting() {
        return waiting.get();
    }

    public T get(Supplier<T> run) {
        CompletableFuture<T> mine = new CompletableFuture<>();
        CompletableFuture<T> current = running.compareAndExchange(null, mine);
        if (current != null) {
            waiting.incrementAndGet();
            try {
                return current.join();
            }
            catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error cause) {
                    throw cause;
                }
                throw e;
            }
            finally {
                waiting.decrementAndGet();
            }
        }
        try {
            T result = run.get();
            mine.complete(result);
            return result;
        }
        catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        finally {
            running.compareAndSet(mine, null);
        }
    }
}
