package cn.jl.govit.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class NoticeTests {

    @Test
    void aNoticeLinksOnlyToAPathOfThisApplication() {
        assertThat(Notice.of("k", "/projects/1/obligations", null, null).link()).isEqualTo("/projects/1/obligations");
        assertThat(Notice.of("k", null, null, null).link()).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.of("k", "https://example.com/", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.of("k", "//example.com/", null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> Notice.of("k", "/\\example.com/", null, null));
    }

    @Test
    void theArgumentsAreKeptInOrderAndCannotChange() {
        Notice notice = Notice.of("k", null, null, "dedup", "a", "b");

        assertThat(notice.args()).containsExactly("a", "b");
        assertThat(notice.args()).isInstanceOf(List.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> notice.args().add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
