package cn.jl.govit.expert;

import java.util.UUID;

/**
 * One material of the final acceptance application as the committee sees it: its checklist code (Annex 4
 * annex, e.g. {@code AM5}), its title, the stored document and that document's SM3 digest at the time the
 * committee was formed, so that the experts can tell they read what was submitted.
 */
public record MaterialRef(String code, String title, UUID documentId, String sm3) {
}
