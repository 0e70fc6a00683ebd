package cn.jl.govit.funding;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jl.govit.project.FundingSource;

/**
 * Fund plans (资金计划下达) that Finance issues for an approved project, per funding source (Art. 21). Other modules
 * ask when the first plan of a source was issued: Art. 23 (3) treats a change after the funds were planned
 * differently.
 */
@Service
public class FundPlans {

    private final JdbcClient jdbc;

    FundPlans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The date of the first fund plan issued for that source of the project; empty if none was issued. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> firstIssuedOn(UUID projectId, FundingSource source) {
        return jdbc.sql("""
                SELECT issued_on FROM fund_plan WHERE project_id = :project AND source = :source
                ORDER BY issued_on LIMIT 1""")
                .param("project", projectId).param("source", source.name())
                .query(LocalDate.class)
                .optional();
    }
}
