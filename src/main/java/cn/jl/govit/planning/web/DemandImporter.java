package cn.jl.govit.planning.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.jl.govit.planning.Demand;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.DemandImportCheck;
import cn.jl.govit.planning.DemandImportProblem;
import cn.jl.govit.planning.DemandImportRefusedException;
import cn.jl.govit.planning.DemandImportRow;
import cn.jl.govit.planning.Demands;
import cn.jl.govit.planning.PlanItem;
import cn.jl.govit.planning.PlanVersion;
import cn.jl.govit.rulebook.CitationMessages;
import cn.jl.govit.rulebook.CitationMessages.CitationView;
import cn.jl.govit.rulebook.InvalidInputException;
import cn.jl.govit.rulebook.RequestValidator;
import cn.jl.govit.rulebook.RuleViolationException;

/**
 * Imports an annual demand plan (年度需求计划) from the filled Excel template, shared by the API and the page. Every
 * row goes the way of a demand filed alone: the request body's bean validation ({@link PlanningRequests.FileDemand}),
 * then the planning service's checks and rules; only if no row is refused are all demands filed, in one
 * transaction. A refusal names every refused row (row as Excel shows it, column header in the caller's language,
 * message), answered with {@code 422} whether a cell is malformed or a rule refuses it, since the request itself —
 * the file — is well-formed; a file that cannot be read as the template is a {@code 400} naming {@code file}.
 */
@Component
class DemandImporter {

    private final Demands demands;
    private final MessageSource messages;
    private final CitationMessages citations;
    private final RequestValidator validator;
    private final int maxRows;
    private final long maxBytes;

    DemandImporter(Demands demands, MessageSource messages, CitationMessages citations, RequestValidator validator,
            @Value("${govit.planning.import.max-rows:500}") int maxRows,
            @Value("${govit.planning.import.max-bytes:5242880}") long maxBytes) {
        this.demands = demands;
        this.messages = messages;
        this.citations = citations;
        this.validator = validator;
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    int maxRows() {
        return maxRows;
    }

    /** One refused cell or row: the row as Excel numbers it, the column's header, the field and why. */
    record RowError(int row, String column, String field, String message) {
    }

    /** The import refused because of its rows; nothing was stored. */
    static final class ImportRefused extends RuntimeException {

        private final transient List<RowError> errors;
        private final transient List<CitationView> violations;

        ImportRefused(List<RowError> errors, List<CitationView> violations) {
            super(errors.size() + " rows refused", null, false, false);
            this.errors = List.copyOf(errors);
            this.violations = List.copyOf(violations);
        }

        List<RowError> errors() {
            return errors;
        }

        List<CitationView> violations() {
            return violations;
        }
    }

    /**
     * Reads, checks and files the demands of the uploaded template; scope ({@code 404}) and role ({@code 403}) are
     * checked before the file is read.
     *
     * @throws ImportRefused when a row is refused (nothing stored)
     */
    List<Demand> importFile(UUID callId, MultipartFile file, Locale locale) {
        demands.checkMayFile(callId);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "problem.field.required");
        }
        if (file.getSize() > maxBytes) {
            throw new InvalidInputException("file", "planning.import.too-large", maxBytes / (1024 * 1024));
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DemandCall call = demands.call(callId);
        Map<String, String> choices = choices(demands.planOf(call).orElse(null));
        DemandImportSheet.Parsed parsed = DemandImportSheet.read(bytes, acceptedHeaders(), choices, maxRows);

        List<RowError> errors = new ArrayList<>();
        parsed.errors().forEach(e -> errors.add(error(e.row(), e.field(), citations.text(e.messageKey(), locale, e.args().toArray()), locale)));
        List<DemandImportRow> rows = new ArrayList<>();
        for (DemandImportSheet.ParsedRow row : parsed.rows()) {
            var request = new PlanningRequests.FileDemand(row.text("title"), row.text("content"), row.money("estimate"),
                    row.text("planItemCode"), row.codes("participatingOrganizationCodes"), null);
            try {
                rows.add(new DemandImportRow(row.row(), validator.valid(request).toDemand()));
            }
            catch (RequestValidator.InvalidRequestException e) {
                e.result().getFieldErrors().forEach(f -> errors.add(error(row.row(), f.getField(),
                        messages.getMessage(f, locale), locale)));
            }
        }
        DemandImportCheck check = demands.checkImport(callId, rows);
        check.problems().forEach(p -> errors.add(error(p, locale)));
        if (!errors.isEmpty()) {
            throw refused(errors, check.violations().stream().map(v -> citations.view(v, locale)).toList());
        }
        RuleViolationException.throwIfAny(check.violations());
        try {
            return demands.importDemands(callId, file.getOriginalFilename(), bytes, rows);
        }
        catch (DemandImportRefusedException e) {
            throw refused(e.problems().stream().map(p -> error(p, locale)).toList(),
                    e.violations().stream().map(v -> citations.view(v, locale)).toList());
        }
    }

    private ImportRefused refused(List<RowError> errors, List<CitationView> violations) {
        List<String> order = DemandImportSheet.COLUMNS.stream().map(DemandImportSheet.Column::field).toList();
        return new ImportRefused(errors.stream()
                .sorted(Comparator.comparingInt(RowError::row).thenComparingInt(e -> order.indexOf(base(e.field())))
                        .thenComparing(RowError::field))
                .toList(), violations);
    }

    private RowError error(DemandImportProblem p, Locale locale) {
        return error(p.row(), p.field(), citations.text(p.messageKey(), locale, p.args().toArray()), locale);
    }

    private RowError error(int row, String field, String message, Locale locale) {
        return new RowError(row, header(base(field), locale), field, message);
    }

    /** {@code participatingOrganizationCodes[1]} → {@code participatingOrganizationCodes}. */
    private static String base(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    /** A column's header in the given language, without the required marker. */
    String header(String field, Locale locale) {
        return messages.getMessage("planning.import.col." + field, null, field, locale);
    }

    /** For each column, its header in either language, as {@link DemandImportSheet} compares them. */
    List<Set<String>> acceptedHeaders() {
        return DemandImportSheet.COLUMNS.stream()
                .map(c -> Set.of(DemandImportSheet.normalizeHeader(header(c.field(), Locale.SIMPLIFIED_CHINESE)),
                        DemandImportSheet.normalizeHeader(header(c.field(), Locale.ENGLISH))))
                .toList();
    }

    /** The plan items as the drop-down shows them ("code title") with the code each stands for. */
    static Map<String, String> choices(PlanVersion plan) {
        Map<String, String> choices = new LinkedHashMap<>();
        if (plan != null) {
            for (PlanItem item : plan.items()) {
                choices.put(label(item), item.code());
            }
        }
        return choices;
    }

    static String label(PlanItem item) {
        return item.code() + " " + item.title();
    }
}
