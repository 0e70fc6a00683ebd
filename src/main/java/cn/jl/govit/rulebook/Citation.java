package cn.jl.govit.rulebook;

import java.util.List;

/**
 * Something the platform says on the authority of a rule: a violation that blocks an action, or a reason
 * that explains a derived decision. The text is a message key resolved in the reader's language.
 */
public sealed interface Citation permits Violation, Reason {

    String rule();

    String messageKey();

    List<Object> args();

    default String article() {
        return Articles.chinese(rule());
    }
}
