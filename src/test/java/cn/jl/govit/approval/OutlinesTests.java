package cn.jl.govit.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jl.govit.project.Stage;

/** The outlines of Annexes 1–3 as loaded from regulation/outlines.yaml. */
class OutlinesTests {

    private final Outlines outlines = new Outlines();

    @Test
    void theProposalHasNineChaptersAndFiveAttachmentsOfWhichPa2IsOptional() {
        Outline proposal = outlines.of(Stage.PROPOSAL);
        assertThat(proposal.chapters()).extracting(OutlineItem::code)
                .containsExactly("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9");
        assertThat(proposal.attachments()).extracting(OutlineItem::code).containsExactly("PA1", "PA2", "PA3", "PA4", "PA5");
        assertThat(proposal.attachment("PA2").orElseThrow().required()).isFalse();
        assertThat(proposal.attachment("PA1").orElseThrow().required()).isTrue();
    }

    @Test
    void aChapterWithSectionsIsRepresentedByItsSections() {
        Outline fs = outlines.of(Stage.FEASIBILITY_STUDY);
        assertThat(fs.chapters()).hasSize(10);
        assertThat(fs.leaves()).extracting(OutlineItem::code).doesNotContain("FS4").contains("FS4.1", "FS4.14", "FS10");
        assertThat(fs.find("FS4").orElseThrow().hasSections()).isTrue();
        OutlineItem sharing = fs.find("FS4.4").orElseThrow();
        assertThat(sharing.gate()).isEqualTo("ART-13-2");
        assertThat(sharing.required()).isTrue();
        assertThat(fs.find("FS4.8").orElseThrow().required()).isFalse();
        assertThat(fs.find("FS1").orElseThrow().rule()).isEqualTo("ART-9");
    }

    @Test
    void thePreliminaryDesignGatesTheCryptoDesignAndTheAddendaCarryTheirRules() {
        Outline pd = outlines.of(Stage.PRELIMINARY_DESIGN);
        assertThat(pd.chapters()).hasSize(9);
        assertThat(pd.find("PD4.10").orElseThrow().gate()).isEqualTo("ART-17");
        assertThat(pd.find("PD4.4").orElseThrow().gate()).isEqualTo("ART-13-2");
        assertThat(outlines.emergencyAddendum().leaves()).extracting(OutlineItem::code).containsExactly("EM1", "EM2");
        assertThat(outlines.emergencyAddendum().leaves()).extracting(OutlineItem::gate).containsOnly("ART-9-2");
        assertThat(outlines.crossDepartmentAddendum().leaves()).extracting(OutlineItem::code)
                .containsExactly("XD1", "XD2", "XD3", "XD4");
        assertThat(outlines.crossDepartmentAddendum().leaves()).extracting(OutlineItem::gate).containsOnly("ART-12");
    }

    @Test
    void aSubmissionOutlineAddsOnlyTheAddendaThatApply() {
        assertThat(outlines.forSubmission(Stage.PRELIMINARY_DESIGN, true, false).leaves())
                .extracting(OutlineItem::code).contains("EM1", "EM2").doesNotContain("XD1");
        assertThat(outlines.forSubmission(Stage.FEASIBILITY_STUDY, false, true).leaves())
                .extracting(OutlineItem::code).contains("XD1", "XD4").doesNotContain("EM1");
        assertThat(outlines.forSubmission(Stage.FEASIBILITY_STUDY, false, false).leaves())
                .extracting(OutlineItem::code).noneMatch(c -> c.startsWith("EM") || c.startsWith("XD"));
    }
}
