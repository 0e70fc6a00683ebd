package cn.jl.govit.audit.internal;

import java.util.List;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import cn.jl.govit.audit.AuditEvent;

/**
 * The raw costs behind verification, for benchmarks: the bytes each event's MAC covers, and HMAC-SM3 over such
 * bytes alone (no database, no parsing), so that verification can be reported as a multiple of the hashing it cannot
 * avoid. See also {@link ChainScan#run(int, boolean)} without verification for the raw cost of reading.
 */
public final class ChainCosts {

    private ChainCosts() {
    }

    /** The exact input of each event's keyed MAC (events with a key id), as the verifier builds it. */
    public static byte[][] macInputs(List<AuditEvent> events) {
        MacInput input = new MacInput();
        byte[][] inputs = new byte[events.size()][];
        for (int i = 0; i < inputs.length; i++) {
            input.write(RawEvent.of(events.get(i)), events.get(i).keyId() != null);
            inputs[i] = input.copy();
        }
        return inputs;
    }

    /** HMAC-SM3 under {@code key} of every input, one thread, the key's pads kept; a checksum of the MACs. */
    public static long hmacAll(byte[] key, byte[][] inputs) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] out = new byte[mac.getMacSize()];
        long check = 0;
        for (byte[] input : inputs) {
            mac.update(input, 0, input.length);
            mac.doFinal(out, 0);
            check += out[0];
        }
        return check;
    }

    /** SM3 compressions one HMAC-SM3 of {@code length} bytes takes with the pads precomputed: inner + outer. */
    public static int compressions(int length) {
        return (length + 8) / 64 + 1 + 1;
    }
}
