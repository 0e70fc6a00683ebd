package cn.jl.govit.planning.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.jl.govit.organization.Organization;
import cn.jl.govit.organization.OrganizationKind;
import cn.jl.govit.organization.Organizations;
import cn.jl.govit.planning.DemandCall;
import cn.jl.govit.planning.PlanItem;
import cn.jl.govit.planning.PlanVersion;

/**
 * The Excel template of an annual demand plan for one call, in the caller's language: a data sheet whose header
 * names every field of a demand (required ones marked {@code *}) with a drop-down list of the plan's items and a
 * check of the amount; an instructions sheet (what each column means, its format and allowed values, the call's
 * window, the plan items, the department codes, the row limit); a hidden sheet holding the drop-down's values.
 * It has no example row, so no row of a filled template is ever taken for one: the instructions sheet shows an
 * example instead. No cell of it is a formula.
 */
@Component
class DemandImportTemplate {

    static final String LISTS_SHEET = "lists";

    private final MessageSource messages;
    private final Organizations organizations;

    DemandImportTemplate(MessageSource messages, Organizations organizations) {
        this.messages = messages;
        this.organizations = organizations;
    }

    byte[] write(DemandCall call, PlanVersion plan, String filerCode, int maxRows, DemandImporter importer, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            text.setWrapText(true);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet data = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("planning.import.sheet.data", locale)));
            Row head = data.createRow(0);
            var columns = DemandImportSheet.COLUMNS;
            for (int c = 0; c < columns.size(); c++) {
                var column = columns.get(c);
                var cell = head.createCell(c);
                cell.setCellValue(importer.header(column.field(), locale) + (column.required() ? " *" : ""));
                cell.setCellStyle(header);
                data.setDefaultColumnStyle(c, column.kind() == DemandImportSheet.Kind.MONEY ? money : text);
                data.setColumnWidth(c, (column.field().equals("content") ? 60 : column.kind() == DemandImportSheet.Kind.CHOICE ? 40 : 24) * 256);
            }
            data.createFreezePane(0, 1);
            int lastRow = Math.min(maxRows, SpreadsheetVersion.EXCEL2007.getLastRowIndex());
            DataValidationHelper helper = data.getDataValidationHelper();

            List<PlanItem> items = plan == null ? List.of() : plan.items();
            Sheet lists = workbook.createSheet(LISTS_SHEET);
            for (int i = 0; i < items.size(); i++) {
                lists.createRow(i).createCell(0).setCellValue(DemandImporter.label(items.get(i)));
            }
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            int choiceColumn = columns.indexOf(columns.stream().filter(c -> c.kind() == DemandImportSheet.Kind.CHOICE).findFirst().orElseThrow());
            if (!items.isEmpty()) {
                DataValidationConstraint list = helper.createFormulaListConstraint(
                        LISTS_SHEET + "!$A$1:$A$" + items.size());
                add(data, helper, list, choiceColumn, lastRow, text("planning.import.validation.choice", locale));
            }
            int moneyColumn = columns.indexOf(columns.stream().filter(c -> c.kind() == DemandImportSheet.Kind.MONEY).findFirst().orElseThrow());
            DataValidationConstraint positive = helper.createDecimalConstraint(DataValidationConstraint.OperatorType.GREATER_THAN, "0", null);
            add(data, helper, positive, moneyColumn, lastRow, text("planning.import.validation.money", locale));

            Sheet help = workbook.createSheet(WorkbookUtil.createSafeSheetName(text("planning.import.sheet.help", locale)));
            int r = 0;
            r = line(help, r, header, text("planning.import.help.title", locale, String.valueOf(call.year())));
            r = line(help, r, null, text("planning.import.help.window", locale, call.opensOn().toString(), call.closesOn().toString()));
            r = line(help, r, null, plan == null ? text("planning.import.help.no-plan", locale)
                    : text("planning.import.help.plan", locale, plan.title(), String.valueOf(plan.number())));
            r = line(help, r, null, text("planning.import.help.rows", locale, String.valueOf(maxRows)));
            r = line(help, r, null, text("planning.import.help.no-example", locale));
            r++;
            r = line(help, r, header, text("planning.import.help.column", locale), text("planning.import.help.required", locale),
                    text("planning.import.help.meaning", locale), text("planning.import.help.format", locale),
                    text("planning.import.help.example", locale));
            for (var column : columns) {
                r = line(help, r, null, importer.header(column.field(), locale),
                        text(column.required() ? "planning.import.help.yes" : "planning.import.help.no", locale),
                        text("planning.import.help.meaning." + column.field(), locale),
                        text("planning.import.help.format." + column.kind().name().toLowerCase(Locale.ROOT), locale),
                        example(column.field(), items, locale));
            }
            r++;
            r = line(help, r, header, text("planning.import.help.items", locale));
            for (PlanItem item : items) {
                r = line(help, r, null, item.code(), item.title());
            }
            r++;
            r = line(help, r, header, text("planning.import.help.departments", locale));
            for (Organization org : organizations.all()) {
                if (org.kind() == OrganizationKind.DEPARTMENT && org.active() && !org.code().equals(filerCode)) {
                    r = line(help, r, null, org.code(), org.name(locale));
                }
            }
            help.setColumnWidth(0, 28 * 256);
            help.setColumnWidth(1, 40 * 256);
            help.setColumnWidth(2, 50 * 256);
            help.setColumnWidth(3, 60 * 256);
            help.setColumnWidth(4, 30 * 256);
            workbook.setActiveSheet(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String example(String field, List<PlanItem> items, Locale locale) {
        if (field.equals("planItemCode")) {
            return items.isEmpty() ? "" : DemandImporter.label(items.get(0));
        }
        return text("planning.import.help.example." + field, locale);
    }

    private static void add(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint, int column,
            int lastRow, String error) {
        DataValidation validation = helper.createValidation(constraint, new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(true);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.createErrorBox("", error);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static int line(Sheet sheet, int r, CellStyle style, String... values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            var cell = row.createCell(c);
            cell.setCellValue(values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
        return r + 1;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
