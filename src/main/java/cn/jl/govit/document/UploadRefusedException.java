package cn.jl.govit.document;

import java.util.List;

/**
 * An upload the store refuses before anything is written: too large ({@code 413}), a content type that the
 * document kind does not allow ({@code 415}) or an archive that is a bomb or nests archives ({@code 422}).
 * It names the file (sanitised) and the type detected from the bytes.
 */
public class UploadRefusedException extends RuntimeException {

    private final int status;
    private final String messageKey;
    private final String filename;
    private final String detectedType;
    private final List<Object> args;

    UploadRefusedException(int status, String messageKey, String filename, String detectedType, Object... args) {
        super(messageKey + " " + filename + " (" + detectedType + ")");
        this.status = status;
        this.messageKey = messageKey;
        this.filename = filename;
        this.detectedType = detectedType;
        this.args = List.of(args);
    }

    public int status() {
        return status;
    }

    /** Message key in the document bundle; arguments {0} file name, {1} detected type, then {@link #args()}. */
    public String messageKey() {
        return messageKey;
    }

    public String filename() {
        return filename;
    }

    public String detectedType() {
        return detectedType;
    }

    public List<Object> args() {
        return args;
    }

    /** All message arguments: file name, detected type, then the rest. */
    public Object[] messageArgs() {
        Object[] all = new Object[2 + args.size()];
        all[0] = filename;
        all[1] = detectedType;
        for (int i = 0; i < args.size(); i++) {
            all[2 + i] = args.get(i);
        }
        return all;
    }
}
