package cn.jl.govit.document;

import java.util.Set;

/**
 * What a stored document is for, and so which content types it may have (sniffed from its bytes, never taken
 * from the client). Office formats are the OOXML and ODF ones only (no legacy OLE2 files, no macro-enabled
 * variants); HTML, SVG, XML and scripts are never accepted, so that nothing the platform serves back can run
 * in a browser. ZIP archives only where a kind needs delivered packages.
 */
public enum DocumentKind {

    /** Outline attachments of proposals, feasibility studies and designs (Annexes 1–3), plans, contracts. */
    PROJECT_DOCUMENT(Types.OFFICE, Types.IMAGES, Types.TEXT),
    /** Acceptance materials (Annex 4): reports, test records and, as ZIP packages, deliverables and source code. */
    ACCEPTANCE_MATERIAL(Types.OFFICE, Types.IMAGES, Types.TEXT, Set.of(Types.ZIP)),
    /** Evidence of a fact: scans, photographs, vouchers, audit or rectification proof. */
    EVIDENCE(Set.of(Types.PDF, Types.OFD, Types.DOCX, Types.XLSX, Types.ODT, Types.ODS), Types.IMAGES, Types.TEXT);

    private final Set<String> allowed;

    @SafeVarargs
    DocumentKind(Set<String>... groups) {
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        this.allowed = java.util.Collections.unmodifiableSet(all);
    }

    /** The content types (as detected) this kind accepts. */
    public Set<String> allowedTypes() {
        return allowed;
    }

    public boolean allows(String detectedType) {
        return allowed.contains(detectedType);
    }

    /** Media types the detector reports. */
    static final class Types {
        static final String PDF = "application/pdf";
        /** GB/T 33190 OFD, the Chinese fixed-layout format of official documents. */
        static final String OFD = "application/ofd";
        static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        static final String ODT = "application/vnd.oasis.opendocument.text";
        static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
        static final String ODP = "application/vnd.oasis.opendocument.presentation";
        static final String ZIP = "application/zip";
        static final Set<String> OFFICE = Set.of(PDF, OFD, DOCX, XLSX, PPTX, ODT, ODS, ODP);
        static final Set<String> IMAGES = Set.of("image/png", "image/jpeg");
        static final Set<String> TEXT = Set.of("text/plain");

        private Types() {
        }
    }
}
