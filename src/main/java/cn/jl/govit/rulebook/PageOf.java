package cn.jl.govit.rulebook;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the API's shape. */
public record PageOf<T>(List<T> content, int page, int size, long totalElements) {

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(content.stream().map(mapper).toList(), page, size, totalElements);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((totalElements + size - 1) / size);
    }
}
