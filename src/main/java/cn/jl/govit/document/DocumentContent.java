package cn.jl.govit.document;

/** A stored document with its bytes, as read back (and checked against its SM3 digest). */
public record DocumentContent(StoredDocument document, byte[] bytes) {
}
