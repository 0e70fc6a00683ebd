package cn.jl.govit.operation.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.decimal;
import static cn.jl.govit.rulebook.FormFields.uuid;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.document.Documents;
import cn.jl.govit.document.StoredDocument;
import cn.jl.govit.operation.AssessmentKind;
import cn.jl.govit.operation.AssessmentResult;
import cn.jl.govit.operation.Assessments;
import cn.jl.govit.operation.Maintenance;
import cn.jl.govit.operation.MaintenanceContract;
import cn.jl.govit.operation.MaintenanceRecordKind;
import cn.jl.govit.operation.MlpsConclusion;
import cn.jl.govit.operation.MlpsRecords;
import cn.jl.govit.operation.OperationProperties;
import cn.jl.govit.operation.OperationRequests;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectStatus;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.Paging;
import cn.jl.govit.rulebook.PolicyParameters;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The operation page of a project (Art. 16, 17, 35, 36): the assessment schedule from the obligations, the
 * assessments, MLPS evaluations, O&M contracts with their renewal flag and the paged O&M log, with the forms for the
 * construction unit; read-only for every other reader, who supervises. A refused form renders the page again with
 * the errors or the rules in place and the input kept. Every decision is the services'.
 */
@Controller
@RequestMapping("/projects/{id}/operation")
class OperationPagesController {

    private static final int RECORD_PAGE_SIZE = 10;

    private final Projects projects;
    private final Assessments assessments;
    private final MlpsRecords mlps;
    private final Maintenance maintenance;
    private final Documents documents;
    private final PolicyParameters policy;
    private final OperationProperties properties;
    private final RequestValidator validator;
    private final FormRefusals refusals;

    OperationPagesController(Projects projects, Assessments assessments, MlpsRecords mlps, Maintenance maintenance,
            Documents documents, PolicyParameters policy, OperationProperties properties, RequestValidator validator,
            FormRefusals refusals) {
        this.projects = projects;
        this.assessments = assessments;
        this.mlps = mlps;
        this.maintenance = maintenance;
        this.documents = documents;
        this.policy = policy;
        this.properties = properties;
        this.validator = validator;
        this.refusals = refusals;
    }

    @GetMapping
    String page(@PathVariable String id, @RequestParam(defaultValue = "0") int recordPage,
            @RequestParam(required = false) String kind, Model model) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        return page(projectId, model, Map.of(), null, recordPage, recordKind(kind));
    }

    private String page(UUID projectId, Model model, Map<String, String> form, String failed, int recordPage,
            MaintenanceRecordKind kind) {
        Project project = projects.get(projectId);
        boolean unit = projects.isConstructionUnit(project);
        boolean inOperation = project.status() == ProjectStatus.IN_OPERATION;
        LocalDate today = projects.today();
        List<MaintenanceContract> contracts = maintenance.contracts(projectId);
        List<StoredDocument> docs = documents.list(projectId);
        Map<UUID, String> documentNames = new LinkedHashMap<>();
        docs.forEach(d -> documentNames.put(d.id(), d.title() != null ? d.title() : d.filename()));
        Map<UUID, String> contractNames = new LinkedHashMap<>();
        contracts.forEach(c -> contractNames.put(c.id(), c.contractNumber() + " · " + c.contractor()));
        model.addAttribute("project", project);
        model.addAttribute("today", today);
        model.addAttribute("unit", unit);
        model.addAttribute("inOperation", inOperation);
        model.addAttribute("canRecord", unit && inOperation);
        model.addAttribute("canRecordMlps", unit && !project.facts().classified()
                && (inOperation || project.status() == ProjectStatus.IN_ACCEPTANCE));
        model.addAttribute("schedule", assessments.obligations(projectId));
        model.addAttribute("assessments", assessments.list(projectId, null));
        model.addAttribute("mlpsRecords", mlps.list(projectId));
        model.addAttribute("contracts", contracts);
        model.addAttribute("renewalDue", contracts.stream().filter(maintenance::renewalDue).map(MaintenanceContract::id).toList());
        model.addAttribute("records", maintenance.records(projectId, kind, Paging.of(recordPage, RECORD_PAGE_SIZE)));
        model.addAttribute("recordKind", kind == null ? "" : kind.name());
        model.addAttribute("documents", docs);
        model.addAttribute("documentNames", documentNames);
        model.addAttribute("contractNames", contractNames);
        model.addAttribute("assessmentKinds", AssessmentKind.values());
        model.addAttribute("results", AssessmentResult.values());
        model.addAttribute("conclusions", MlpsConclusion.values());
        model.addAttribute("recordKinds", MaintenanceRecordKind.values());
        model.addAttribute("securityPeriod", policy.securityAssessmentPeriodMonths());
        model.addAttribute("cryptoPeriod", policy.cryptoAssessmentPeriodMonths());
        model.addAttribute("mlpsFromLevel", properties.mlpsYearlyFromLevel());
        model.addAttribute("mlpsPeriod", properties.mlpsPeriodMonths());
        model.addAttribute("renewalNoticeDays", properties.contractRenewalNoticeDays());
        model.addAttribute("form", form);
        model.addAttribute("failed", failed);
        return "operation/operation";
    }

    @PostMapping("/assessments")
    String assess(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        assessments.checkMayRecord(projectId);
        return act(projectId, "assessments", params, model, locale, redirect, response, () -> {
            AssessmentKind kind = parsed("kind", params.get("kind"), AssessmentKind::valueOf);
            if (kind == null) {
                throw new InvalidInputException("kind", "problem.field.required");
            }
            return assessments.record(projectId, kind, validator.valid(new OperationRequests.NewAssessment(
                    date("assessedOn", params.get("assessedOn")), params.get("assessor"),
                    parsed("result", params.get("result"), AssessmentResult::valueOf), params.get("findings"),
                    uuid("documentId", params.get("documentId")))));
        });
    }

    @PostMapping("/mlps-records")
    String mlps(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        mlps.checkMayRecord(projectId);
        return act(projectId, "mlps", params, model, locale, redirect, response, () -> mlps.record(projectId,
                validator.valid(new OperationRequests.NewMlpsRecord(parsed("level", params.get("level"), Integer::valueOf),
                        params.get("filingNumber"), date("evaluatedOn", params.get("evaluatedOn")), params.get("evaluator"),
                        decimal("score", params.get("score")),
                        parsed("conclusion", params.get("conclusion"), MlpsConclusion::valueOf),
                        uuid("documentId", params.get("documentId"))))));
    }

    @PostMapping("/om-contracts")
    String contract(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        maintenance.checkMayRecord(projectId);
        return act(projectId, "contracts", params, model, locale, redirect, response, () -> maintenance.recordContract(
                projectId, validator.valid(new OperationRequests.NewContract(params.get("contractor"),
                        params.get("contractNumber"), decimal("amount", params.get("amount")),
                        date("startsOn", params.get("startsOn")), date("endsOn", params.get("endsOn")),
                        params.get("serviceLevel"), uuid("documentId", params.get("documentId"))))));
    }

    @PostMapping("/om-records")
    String record(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        maintenance.checkMayRecord(projectId);
        return act(projectId, "records", params, model, locale, redirect, response, () -> maintenance.recordEntry(
                projectId, validator.valid(new OperationRequests.NewRecord(date("occurredOn", params.get("occurredOn")),
                        parsed("kind", params.get("recordKind"), MaintenanceRecordKind::valueOf),
                        params.get("description"), uuid("contractId", params.get("contractId")),
                        uuid("documentId", params.get("documentId"))))));
    }

    /** Runs the action; on success back to the page at the form's section, else the page with the refusal. */
    private String act(UUID projectId, String section, Map<String, String> form, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response, Supplier<Object> action) {
        if (refusals.attempt(model, locale, response, FieldMessage::new, action)) {
            redirect.addFlashAttribute("done", section);
            return "redirect:/projects/" + projectId + "/operation#" + section;
        }
        return page(projectId, model, form, section, 0, null);
    }

    /** A field error as the page shows it: the field's label key is {@code operation.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            return "operation.field." + field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
        }
    }

    /** The kind filter of the O&M log: blank or unknown shows every kind. */
    private static MaintenanceRecordKind recordKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return MaintenanceRecordKind.valueOf(kind.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }




    /** A form value read by {@code parser}: blank is absent, anything unreadable a 400 naming the field. */
    private static <T> T parsed(String field, String value, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        }
        catch (RuntimeException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }
}
