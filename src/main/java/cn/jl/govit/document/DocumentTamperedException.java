package cn.jl.govit.document;

import java.util.UUID;

/** The bytes read back do not have the SM3 digest recorded at storage: they were changed or damaged. */
public class DocumentTamperedException extends cn.jl.govit.rulebook.IntegrityFailureException {

    public DocumentTamperedException(UUID id) {
        super("document " + id + " does not match its recorded SM3 digest");
    }
}
