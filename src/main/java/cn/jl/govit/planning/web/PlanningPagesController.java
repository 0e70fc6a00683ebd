package cn.jl.govit.planning.web;

import static cn.jl.govit.rulebook.FormFields.date;
import static cn.jl.govit.rulebook.FormFields.decimal;
import static cn.jl.govit.rulebook.FormFields.integer;
import static cn.jl.govit.rulebook.FormFields.longValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.jl.govit.organization.CurrentUsers;
import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.planning.ConstructionPlans;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.Demands;
import cn.jl.govit.planning.PlanVersion;
import cn.jl.govit.planning.Responsibilities;
import cn.jl.govit.project.Project;
import cn.jl.govit.project.ProjectCategory;
import cn.jl.govit.project.Projects;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.FormRefusals;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RecordNotFoundException;
import cn.jl.govit.rulebook.RequestValidator;

/**
 * The planning pages: a department's demands and the form to file one in the open call; the Digital
 * Bureau's plans, calls and the triage queue of a call; a project's sources and the participants'
 * responsibilities. Every decision is the services'; a refusal renders the page again with the errors or
 * the violated rules in place.
 */
@Controller
@RequestMapping("/planning")
class PlanningPagesController {

    private static final int LIST_SIZE = 200;

    private final ConstructionPlans plans;
    private final Demands demands;
    private final Responsibilities responsibilities;
    private final Projects projects;
    private final Organizations organizations;
    private final CurrentUsers users;
    private final CitationMessages citations;
    private final FormRefusals refusals;
    private final RequestValidator validator;
    private final DemandImporter importer;
    private final DemandImportTemplate template;

    PlanningPagesController(ConstructionPlans plans, Demands demands, Responsibilities responsibilities, Projects projects,
            Organizations organizations, CurrentUsers users, CitationMessages citations,
            RequestValidator validator, FormRefusals refusals, DemandImporter importer, DemandImportTemplate template) {
        this.importer = importer;
        this.template = template;
        this.refusals = refusals;
        this.plans = plans;
        this.demands = demands;
        this.responsibilities = responsibilities;
        this.projects = projects;
        this.organizations = organizations;
        this.users = users;
        this.citations = citations;
        this.validator = validator;
    }

    @GetMapping
    String home() {
        return demands.canFile() ? "redirect:/planning/demands" : "redirect:/planning/calls";
    }

    // a department's demands

    @GetMapping("/demands")
    String myDemands(Model model, Locale locale) {
        return myDemands(model, locale, Map.of());
    }

    private String myDemands(Model model, Locale locale, Map<String, String> form) {
        demands.checkReadsPlanning();
        var open = demands.openCall();
        model.addAttribute("call", open.orElse(null));
        model.addAttribute("plan", open.flatMap(c -> plans.inForce(c.year())).orElse(null));
        model.addAttribute("canFile", demands.canFile() && open.isPresent());
        var visible = demands.visible(null, 0, LIST_SIZE).content();
        model.addAttribute("demands", visible);
        model.addAttribute("documented", demands.withDocument(visible));
        model.addAttribute("form", form);
        model.addAttribute("names", names(locale));
        model.addAttribute("departments", departments(users.current().organizationCode()));
        model.addAttribute("importMaxRows", importer.maxRows());
        return "planning/demands";
    }

    @PostMapping("/demands")
    String file(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        DemandCall call = demands.openCall().orElse(null);
        if (call == null) {
            model.addAttribute("violations", List.of(citations.view(
                    new cn.jl.govit.rulebook.Violation("ART-6", "year", "planning.call.none",
                            List.of(String.valueOf(demands.today().getYear()))), locale)));
            response.setStatus(422);
            return myDemands(model, locale, params.toSingleValueMap());
        }
        demands.checkMayFile(call.id());
        boolean done = attempt(model, locale, response, () -> {
            var request = new PlanningRequests.FileDemand(params.getFirst("title"), params.getFirst("content"),
                    decimal("estimate", params.getFirst("estimate")), params.getFirst("planItemCode"),
                    params.getOrDefault("participatingOrganizationCodes", List.of()), null);
            demands.file(call.id(), validator.valid(request).toDemand());
            return null;
        });
        if (done) {
            redirect.addFlashAttribute("filed", true);
            return "redirect:/planning/demands";
        }
        return myDemands(model, locale, params.toSingleValueMap());
    }

    @PostMapping("/demands/docx")
    String fileDocx(@RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        DemandCall call = demands.openCall().orElse(null);
        if (call == null) {
            model.addAttribute("violations", List.of(citations.view(
                    new cn.jl.govit.rulebook.Violation("ART-6", "year", "planning.call.none",
                            List.of(String.valueOf(demands.today().getYear()))), locale)));
            response.setStatus(422);
            return myDemands(model, locale, Map.of());
        }
        demands.checkMayFile(call.id());
        boolean done = attempt(model, locale, response, () -> {
            try {
                return PlanningApiController.fileDocx(demands, validator, call.id(), file, params.getFirst("estimate"),
                        params.getFirst("planItemCode"), params.get("participatingOrganizationCodes"), params.getFirst("title"));
            }
            catch (java.io.IOException e) {
                throw new InvalidInputException("file", "planning.demand.docx-invalid");
            }
        });
        if (done) {
            redirect.addFlashAttribute("filed", true);
            return "redirect:/planning/demands";
        }
        return myDemands(model, locale, Map.of());
    }

    @GetMapping("/demands/{id}/document")
    org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String id) {
        return PlanningApiController.download(demands.document(RecordNotFoundException.idOf("Demand", id)));
    }

    // the annual demand plan as an Excel file

    @GetMapping("/calls/{id}/demands/template.xlsx")
    org.springframework.http.ResponseEntity<byte[]> importTemplate(@PathVariable String id,
            @RequestParam(required = false) String lang, Locale locale) {
        return DemandImportApiController.download(demands, users, importer, template,
                RecordNotFoundException.idOf("DemandCall", id), cn.jl.govit.rulebook.SpreadsheetExport.language(lang, locale));
    }

    /**
     * Imports the filled template: all rows or none. A refusal shows the demands page again with the table of
     * refused rows (row, column, message), answered {@code 422}; an unreadable file is a field error ({@code 400}).
     */
    @PostMapping("/calls/{id}/demands/import")
    String importPlan(@PathVariable String id,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID callId = RecordNotFoundException.idOf("DemandCall", id);
        demands.checkMayFile(callId);
        int[] count = new int[1];
        boolean done;
        try {
            done = attempt(model, locale, response, () -> count[0] = importer.importFile(callId, file, locale).size());
        }
        catch (DemandImporter.ImportRefused e) {
            model.addAttribute("importErrors", e.errors());
            if (!e.violations().isEmpty()) {
                model.addAttribute("violations", e.violations());
            }
            response.setStatus(422);
            done = false;
        }
        if (done) {
            redirect.addFlashAttribute("imported", count[0]);
            return "redirect:/planning/demands";
        }
        model.addAttribute("importRefused", true);
        return myDemands(model, locale, Map.of());
    }

    // plans

    @GetMapping("/plans")
    String plans(Model model, Locale locale) {
        return plans(model, Map.of());
    }

    private String plans(Model model, Map<String, String> form) {
        demands.checkReadsPlanning();
        model.addAttribute("plans", plans.page(0, LIST_SIZE).content());
        model.addAttribute("canRecord", plans.canRecord());
        model.addAttribute("form", form);
        return "planning/plans";
    }

    @PostMapping("/plans")
    String recordPlan(@RequestParam Map<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        plans.checkMayRecord();
        PlanVersion[] recorded = new PlanVersion[1];
        if (attempt(model, locale, response, () -> recorded[0] = plans.record(validator.valid(planRequest(params)).toPlan()))) {
            return "redirect:/planning/plans/" + recorded[0].planId();
        }
        return plans(model, params);
    }

    @GetMapping("/plans/{id}")
    String plan(@PathVariable String id, Model model) {
        return plan(RecordNotFoundException.idOf("ConstructionPlan", id), model, Map.of());
    }

    private String plan(UUID id, Model model, Map<String, String> form) {
        PlanVersion current = plans.current(id);
        model.addAttribute("plan", current);
        List<PlanVersion> versions = new ArrayList<>(plans.versions(id));
        java.util.Collections.reverse(versions);
        model.addAttribute("versions", versions);
        model.addAttribute("canRecord", plans.canRecord());
        model.addAttribute("form", form.isEmpty() ? Map.of("title", current.title(),
                "periodFrom", String.valueOf(current.periodFrom()), "periodTo", String.valueOf(current.periodTo()),
                "items", current.items().stream().map(i -> i.code() + " " + i.title()).collect(Collectors.joining("\n")))
                : form);
        return "planning/plan";
    }

    @PostMapping("/plans/{id}/versions")
    String adjustPlan(@PathVariable String id, @RequestParam Map<String, String> params, Model model, Locale locale,
            HttpServletResponse response) {
        UUID planId = RecordNotFoundException.idOf("ConstructionPlan", id);
        plans.checkMayAdjust(planId);
        if (attempt(model, locale, response, () -> {
            var request = validator.valid(planRequest(params));
            return plans.adjust(planId, request.version(), request.toPlan());
        })) {
            return "redirect:/planning/plans/" + planId;
        }
        return plan(planId, model, params);
    }

    private PlanningRequests.RecordPlan planRequest(Map<String, String> p) {
        List<PlanningRequests.Item> items = new ArrayList<>();
        for (String line : (p.getOrDefault("items", "")).split("\\R")) {
            String l = line.strip();
            if (!l.isEmpty()) {
                String[] parts = l.split("\\s+", 2);
                items.add(new PlanningRequests.Item(parts[0], parts.length > 1 ? parts[1] : null));
            }
        }
        return new PlanningRequests.RecordPlan(p.get("title"), integer("periodFrom", p.get("periodFrom")),
                integer("periodTo", p.get("periodTo")), items, date("approvedOn", p.get("approvedOn")),
                blankToNull(p.get("approvalDocument")), blankToNull(p.get("adjustmentReason")), blankToNull(p.get("evaluation")),
                integer("version", p.get("version")));
    }

    // calls and triage

    @GetMapping("/calls")
    String calls(Model model) {
        return calls(model, Map.of());
    }

    private String calls(Model model, Map<String, String> form) {
        demands.checkReadsPlanning();
        model.addAttribute("calls", demands.calls(0, LIST_SIZE).content());
        model.addAttribute("today", demands.today());
        model.addAttribute("canOpen", demands.canTriage());
        model.addAttribute("form", form);
        return "planning/calls";
    }

    @PostMapping("/calls")
    String openCall(@RequestParam Map<String, String> params, Model model, Locale locale, HttpServletResponse response) {
        demands.checkMayOpenCall();
        DemandCall[] opened = new DemandCall[1];
        if (attempt(model, locale, response, () -> {
            List<String> focus = Arrays.stream(params.getOrDefault("focusAreas", "").split("\\R"))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            var request = new PlanningRequests.OpenCall(integer("year", params.get("year")),
                    date("opensOn", params.get("opensOn")), date("closesOn", params.get("closesOn")), focus);
            return opened[0] = demands.openCall(validator.valid(request).toCall());
        })) {
            return "redirect:/planning/calls/" + opened[0].id();
        }
        return calls(model, params);
    }

    @GetMapping("/calls/{id}")
    String call(@PathVariable String id, Model model, Locale locale) {
        return call(RecordNotFoundException.idOf("DemandCall", id), model, locale, null, Map.of());
    }

    private String call(UUID id, Model model, Locale locale, UUID target, Map<String, String> form) {
        DemandCall call = demands.call(id);
        model.addAttribute("call", call);
        model.addAttribute("open", call.isOpenOn(demands.today()));
        model.addAttribute("demands", demands.ofCall(id, null, 0, LIST_SIZE).content());
        model.addAttribute("canTriage", demands.canTriage());
        model.addAttribute("names", names(locale));
        model.addAttribute("categories", EnumSet.allOf(ProjectCategory.class));
        model.addAttribute("target", target);
        model.addAttribute("form", form);
        return "planning/call";
    }

    @PostMapping("/calls/{id}/demands/{demandId}/score")
    String score(@PathVariable String id, @PathVariable String demandId, @RequestParam Map<String, String> params,
            Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID callId = RecordNotFoundException.idOf("DemandCall", id);
        UUID target = RecordNotFoundException.idOf("Demand", demandId);
        demands.checkMayTriage(target);
        if (attempt(model, locale, response, () -> {
            var request = validator.valid(new PlanningRequests.Score(integer("score", params.get("score")),
                    blankToNull(params.get("note")), longValue("version", params.get("version"))));
            return demands.score(target, request.version(), request.score(), request.note());
        })) {
            return "redirect:/planning/calls/" + callId + "#demand-" + target;
        }
        return call(callId, model, locale, target, params);
    }

    @PostMapping("/calls/{id}/demands/{demandId}/project")
    String createProject(@PathVariable String id, @PathVariable String demandId,
            @RequestParam MultiValueMap<String, String> params, Model model, Locale locale, RedirectAttributes redirect,
            HttpServletResponse response) {
        UUID callId = RecordNotFoundException.idOf("DemandCall", id);
        UUID target = RecordNotFoundException.idOf("Demand", demandId);
        demands.checkMayTriage(target);
        Project[] created = new Project[1];
        if (attempt(model, locale, response,
                () -> created[0] = demands.createProject(target, validator.valid(outline(params)).toOutline()))) {
            redirect.addFlashAttribute("created", created[0].code());
            return "redirect:/planning/projects/" + created[0].id();
        }
        return call(callId, model, locale, target, params.toSingleValueMap());
    }

    @PostMapping("/calls/{id}/merge")
    String merge(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale,
            RedirectAttributes redirect, HttpServletResponse response) {
        UUID callId = RecordNotFoundException.idOf("DemandCall", id);
        demands.call(callId);
        demands.checkBureau();
        Project[] created = new Project[1];
        if (attempt(model, locale, response, () -> {
            List<UUID> ids = params.getOrDefault("demandIds", List.of()).stream().map(s -> parseField("demandIds", s)).toList();
            if (ids.isEmpty()) {
                throw new InvalidInputException("demandIds", "problem.field.required");
            }
            var outline = validator.valid(outline(params)).toOutline();
            return created[0] = demands.merge(ids, null, outline);
        })) {
            redirect.addFlashAttribute("created", created[0].code());
            return "redirect:/planning/projects/" + created[0].id();
        }
        return call(callId, model, locale, null, params.toSingleValueMap());
    }

    @PostMapping("/calls/{id}/demands/{demandId}/decline")
    String decline(@PathVariable String id, @PathVariable String demandId, @RequestParam Map<String, String> params,
            Model model, Locale locale, HttpServletResponse response) {
        UUID callId = RecordNotFoundException.idOf("DemandCall", id);
        UUID target = RecordNotFoundException.idOf("Demand", demandId);
        demands.checkMayTriage(target);
        if (attempt(model, locale, response, () -> demands.decline(target,
                validator.valid(new PlanningRequests.Decline(blankToNull(params.get("reason")))).reason()))) {
            return "redirect:/planning/calls/" + callId + "#demand-" + target;
        }
        return call(callId, model, locale, target, params);
    }

    private PlanningRequests.CreateProject outline(MultiValueMap<String, String> p) {
        var categories = new java.util.LinkedHashSet<ProjectCategory>();
        for (String c : p.getOrDefault("categories", List.of())) {
            categories.add(Arrays.stream(ProjectCategory.values()).filter(v -> v.name().equals(c)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("categories", "problem.field.invalid")));
        }
        return new PlanningRequests.CreateProject(p.getFirst("name"), blankToNull(p.getFirst("summary")), categories,
                integer("constructionPeriodMonths", p.getFirst("constructionPeriodMonths")), null, null,
                "on".equals(p.getFirst("simpleOrEquipmentOnly")), "on".equals(p.getFirst("classified")));
    }

    // a project's sources and responsibilities

    @GetMapping("/projects/{id}")
    String project(@PathVariable String id, Model model, Locale locale) {
        return project(RecordNotFoundException.idOf("Project", id), model, locale, Map.of());
    }

    private String project(UUID id, Model model, Locale locale, Map<String, String> form) {
        Project project = projects.get(id);
        var recorded = responsibilities.of(id);
        model.addAttribute("project", project);
        model.addAttribute("sources", demands.sourcesOf(id));
        model.addAttribute("responsibilities", recorded);
        model.addAttribute("canRecord", responsibilities.canRecord(project) && !project.participatingOrganizationCodes().isEmpty());
        model.addAttribute("canDecideMode", projects.canDecideConstructionMode(project));
        model.addAttribute("names", names(locale));
        Map<String, String> values = new java.util.HashMap<>(form);
        if (form.isEmpty()) {
            recorded.responsibilities().forEach(r -> {
                values.put("scope." + r.organizationCode(), r.constructionScope());
                values.put("obligations." + r.organizationCode(), r.obligations());
            });
        }
        model.addAttribute("form", values);
        return "planning/project";
    }

    @PostMapping("/projects/{id}/responsibilities")
    String recordResponsibilities(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
            Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        UUID projectId = RecordNotFoundException.idOf("Project", id);
        Project project = responsibilities.checkMayRecord(projectId);
        if (attempt(model, locale, response, () -> {
            List<PlanningRequests.ResponsibilityLine> lines = project.participatingOrganizationCodes().stream()
                    .filter(code -> !blank(params.get("scope." + code)) || !blank(params.get("obligations." + code)))
                    .map(code -> new PlanningRequests.ResponsibilityLine(code, params.get("scope." + code),
                            params.get("obligations." + code)))
                    .toList();
            var request = validator.valid(new PlanningRequests.RecordResponsibilities(lines, longValue("version", params.get("version"))));
            return responsibilities.record(projectId, request.version(),
                    request.responsibilities().stream().map(PlanningRequests.ResponsibilityLine::toResponsibility).toList());
        })) {
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/planning/projects/" + projectId;
        }
        return project(projectId, model, locale, params);
    }

    // helpers

    /**
     * Runs an action; on refusal puts the field errors ({@code 400}), the violated rules ({@code 422}) or the
     * conflict ({@code 409}) into the model and answers {@code false}.
     */
    private boolean attempt(Model model, Locale locale, HttpServletResponse response, Supplier<Object> action) {
        return refusals.attempt(model, locale, response, FieldMessage::new, action);
    }

    /** A field error as the pages show it: the field's label key is {@code planning.field.<field>}. */
    record FieldMessage(String field, String message) {

        public String labelKey() {
            String base = field.replaceAll("\\[\\d+]", "").replaceAll("\\..*", "");
            return "planning.field." + base;
        }
    }

    private Map<String, String> names(Locale locale) {
        return organizations.all().stream().collect(Collectors.toMap(Organization::code, o -> o.name(locale)));
    }

    private List<Organization> departments(String own) {
        return organizations.all().stream()
                .filter(o -> o.kind() == OrganizationKind.DEPARTMENT && o.active() && !o.code().equals(own))
                .toList();
    }

    private static UUID parseField(String field, String value) {
        try {
            return UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "problem.field.invalid");
        }
    }






    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.strip();
    }
}
