package cn.jl.govit.planning;

/** The Word file a demand was filed as: its original name, size, SM3 digest and bytes. */
public record DemandDocument(String fileName, long size, String sm3, byte[] bytes) {
}
