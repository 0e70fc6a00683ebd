package cn.jl.govit.document;

import java.util.UUID;

/** The result of recomputing a stored document's SM3 digest: intact when it equals the recorded one. */
public record FixityCheck(UUID documentId, String recordedSm3, String actualSm3, boolean intact) {
}
