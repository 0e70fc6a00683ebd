package cn.jl.govit.operation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.jl.govit.dossier.DossierSection;
import cn.jl.govit.operation.Assessment;
import cn.jl.govit.operation.Assessments;
import cn.jl.govit.operation.Maintenance;
import cn.jl.govit.operation.MaintenanceContract;
import cn.jl.govit.operation.MaintenanceRecord;
import cn.jl.govit.operation.MlpsRecord;
import cn.jl.govit.operation.MlpsRecords;
import cn.jl.govit.project.Project;
import cn.jl.govit.rulebook.Paging;

/**
 * {@code metadata/operation.json} of the archive package: the periodic security and cryptography assessments
 * (Art. 16, 17, 36), the MLPS evaluations, the O&M contracts and the whole O&M log (Art. 35), once its initial acceptance
 * passed.
 */
@Component
class OperationDossierSection implements DossierSection {

    private final Assessments assessments;
    private final MlpsRecords mlps;
    private final Maintenance maintenance;

    OperationDossierSection(Assessments assessments, MlpsRecords mlps, Maintenance maintenance) {
        this.assessments = assessments;
        this.mlps = mlps;
        this.maintenance = maintenance;
    }

    @Override
    public String name() {
        return "operation";
    }

    @Override
    public boolean appliesTo(Project project) {
        return project.initialAcceptedOn() != null;
    }

    @Override
    public Object content(UUID projectId) {
        return new Content(assessments.list(projectId, null), mlps.list(projectId), maintenance.contracts(projectId),
                DossierSection.allPages((page, size) -> maintenance.records(projectId, null, Paging.of(page, size))));
    }

    record Content(List<Assessment> assessments, List<MlpsRecord> mlpsRecords, List<MaintenanceContract> contracts,
            List<MaintenanceRecord> records) {
    }
}
