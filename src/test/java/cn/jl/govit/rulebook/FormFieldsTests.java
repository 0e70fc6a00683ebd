package cn.jl.govit.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Page forms read their values one way: blank is absent, unreadable a 400 naming the field. */
class FormFieldsTests {

    enum Colour { RED }

    @Test
    void blankValuesAreAbsent() {
        assertThat(FormFields.date("d", "  ")).isNull();
        assertThat(FormFields.uuid("u", null)).isNull();
        assertThat(FormFields.decimal("a", "")).isNull();
        assertThat(FormFields.enumValue(Colour.class, "c", " ")).isNull();
        assertThat(FormFields.text("  ")).isNull();
    }

    @Test
    void valuesAreReadStripped() {
        UUID id = UUID.randomUUID();
        assertThat(FormFields.date("d", " 2028-02-29 ")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(FormFields.uuid("u", id + " ")).isEqualTo(id);
        assertThat(FormFields.decimal("a", "1,200,000.50")).isEqualByComparingTo(new BigDecimal("1200000.50"));
        assertThat(FormFields.integer("i", "12")).isEqualTo(12);
        assertThat(FormFields.longValue("v", "3")).isEqualTo(3L);
        assertThat(FormFields.enumValue(Colour.class, "c", "RED")).isEqualTo(Colour.RED);
        assertThat(FormFields.text(" 意见 ")).isEqualTo("意见");
    }

    @Test
    void anUnreadableValueIsA400NamingTheField() {
        assertThatThrownBy(() -> FormFields.date("acceptedOn", "2027-02-30"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field).containsExactly("acceptedOn"));
        assertThatThrownBy(() -> FormFields.uuid("documentId", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormFields.decimal("amount", "12元")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> FormFields.enumValue(Colour.class, "colour", "red")).isInstanceOf(InvalidInputException.class);
    }
}
