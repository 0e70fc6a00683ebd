package cn.jl.govit.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.jl.govit.project.Stage;

/** Complete submissions to take one thing away from. */
final class Fixtures {

    static final Outlines OUTLINES = new Outlines();

    private Fixtures() {
    }

    static SubmissionFacts facts(Stage stage) {
        return new SubmissionFacts(stage, false, false, false, false, false);
    }

    /** Every item of the outline written, the attachments given, and all the statements. */
    static SubmissionContent complete(SubmissionOutline outline) {
        List<ChapterEntry> chapters = new ArrayList<>();
        for (OutlineItem leaf : outline.leaves()) {
            chapters.add(ChapterEntry.written(leaf.code(), "## " + leaf.title() + "\n内容"));
        }
        List<AttachmentRef> attachments = outline.attachments().stream()
                .map(a -> new AttachmentRef(a.code(), UUID.randomUUID())).toList();
        return new SubmissionContent(chapters, attachments,
                List.of(new InformationResource("参保人员信息", ShareType.CONDITIONAL, "仅限人社、医保部门按需共享", null)),
                "选用国产安全可靠的服务器和数据库", "采用 SM2/SM3/SM4 国密算法", "吉林祥云：8 核 32G 云主机 4 台，10 TB 存储",
                null, List.of());
    }

    static SubmissionContent complete(SubmissionFacts facts) {
        return complete(facts.outline(OUTLINES));
    }

    static SubmissionContent without(SubmissionContent content, String code) {
        return new SubmissionContent(content.chapters().stream().filter(c -> !c.code().equals(code)).toList(),
                content.attachments().stream().filter(a -> !a.code().equals(code)).toList(),
                content.informationResources(), content.securityReliabilityStatement(), content.cryptoPlan(),
                content.cloudResources(), content.stateExemption(), content.extraPermits());
    }
}
