package cn.jl.govit.construction;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contracts a construction unit signed for its project (Art. 14, 21). Their total is held against the
 * current approved estimate: warned from the rulebook's contract warning share, refused above it.
 */
@Service
public class Contracts {

    private final JdbcClient jdbc;

    Contracts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The sum of the project's contract amounts in yuan, zero if it has none. No scope check: a query for
     * modules that have checked access to the project themselves (the investment funnel).
     */
    @Transactional(readOnly = true)
    public BigDecimal contractedTotal(UUID projectId) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM construction_contract WHERE project_id = :p")
                .param("p", projectId).query(BigDecimal.class).single();
    }
}
