package cn.jl.govit.rulebook;

/**
 * Paging as the API contract sets it: {@code page} from 0, {@code size} 20 by default and at most 200 (a
 * larger size is reduced, a negative page or a size below 1 is refused).
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static Paging of(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "problem.page.negative");
        }
        if (size < 1) {
            throw new InvalidInputException("size", "problem.size.too-small");
        }
        if (page > 10_000_000) {
            throw new InvalidInputException("page", "problem.page.too-large");
        }
        return new Paging(page, Math.min(size, MAX_SIZE));
    }
}
