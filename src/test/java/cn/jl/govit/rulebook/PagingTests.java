package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Paging as the API contract sets it. */
class PagingTests {

    @Test
    void keepsAPageAndASizeWithinTheLimits() {
        assertThat(Paging.of(0, 20)).isEqualTo(new Paging(0, 20));
        assertThat(Paging.of(3, 1)).isEqualTo(new Paging(3, 1));
        assertThat(Paging.of(0, 200)).isEqualTo(new Paging(0, 200));
    }

    @Test
    void reducesALargerSizeTo200() {
        assertThat(Paging.of(0, 201).size()).isEqualTo(200);
        assertThat(Paging.of(2, Integer.MAX_VALUE)).isEqualTo(new Paging(2, 200));
        assertThat(Paging.DEFAULT_SIZE).isEqualTo(20);
        assertThat(Paging.MAX_SIZE).isEqualTo(200);
    }

    @Test
    void refusesANegativePage() {
        assertRefused(() -> Paging.of(-1, 20), "page", "problem.page.negative");
        assertRefused(() -> Paging.of(Integer.MIN_VALUE, 20), "page", "problem.page.negative");
    }

    @Test
    void refusesASizeBelowOne() {
        assertRefused(() -> Paging.of(0, 0), "size", "problem.size.too-small");
        assertRefused(() -> Paging.of(0, -5), "size", "problem.size.too-small");
    }

    @Test
    void refusesAnAbsurdPage() {
        assertRefused(() -> Paging.of(10_000_001, 20), "page", "problem.page.too-large");
        assertThat(Paging.of(10_000_000, 200).page()).isEqualTo(10_000_000);
    }

    @Test
    void aPageKnowsItsPageCountAndMaps() {
        PageOf<Integer> page = new PageOf<>(List.of(1, 2), 0, 2, 5);

        assertThat(page.totalPages()).isEqualTo(3);
        assertThat(page.map(i -> "#" + i)).isEqualTo(new PageOf<>(List.of("#1", "#2"), 0, 2, 5));
        assertThat(new PageOf<>(List.of(), 0, 0, 0).totalPages()).isZero();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field,
                        InvalidInputException.FieldError::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(field, key)));
    }
}
