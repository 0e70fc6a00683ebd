package cn.jl.govit.document.crypto;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jl.govit.audit.Actor;
import cn.jl.govit.audit.AuditLog;
import cn.jl.govit.rulebook.SealedColumns;

/**
 * The migration of personal data written before encryption at rest: at start-up, once Flyway has run and before
 * the web server takes requests, every value still in clear is sealed, in one transaction, audited. Not a Flyway
 * Java migration, because the key lives outside the database and the migration must use the same key ring and
 * cipher as the application; and idempotent (sealed values are recognised by their prefix, each row changes only
 * if it still holds what was read), so that it is safe on every start and on two nodes at once.
 */
@Component
class SealClearValues implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SealClearValues.class);

    private final SealedColumns columns;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    SealClearValues(SealedColumns columns, AuditLog audit, TransactionTemplate tx) {
        this.columns = columns;
        this.audit = audit;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        run();
    }

    /** Seals what is in clear; returns the rows changed per column. */
    Map<String, Integer> run() {
        return tx.execute(status -> {
            Map<String, Integer> sealed = columns.sealClearValues();
            int total = sealed.values().stream().mapToInt(Integer::intValue).sum();
            if (total > 0) {
                audit.record(Actor.SYSTEM, "FIELD_VALUES_SEALED", "FieldKey", "clear", null,
                        "sealed personal data written in clear: " + sealed);
                log.info("sealed {} personal data values written in clear: {}", total, sealed);
            }
            return sealed;
        });
    }
}
