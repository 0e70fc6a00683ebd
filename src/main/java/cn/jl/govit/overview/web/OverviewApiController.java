package cn.jl.govit.overview.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jl.govit.overview.Overview;
import cn.jl.govit.overview.ProvinceOverview;

/**
 * The province-wide overview as JSON for the provincial bodies (403 for everyone else). The parts are the same
 * numbers as the whole, for a client that charts one of them.
 */
@RestController
@RequestMapping("/api/v1/overview")
@Tag(name = "overview", description = "全省总览 Province-wide overview for the provincial bodies (Art. 4, 30–34)")
class OverviewApiController {

    private static final String YEAR = "Year of approval (projects approved that year only)";
    private static final String AUTHORITY = "DIGITAL_BUREAU, DEVELOPMENT_REFORM or ALL; the DRC gets its own by default, the others all";

    private final ProvinceOverview overview;

    OverviewApiController(ProvinceOverview overview) {
        this.overview = overview;
    }

    @GetMapping
    @Operation(summary = "The whole overview: KPIs, projects by status, path type and lead department, the investment funnel by year of approval, overdue obligations by department and type (year, authority)")
    Overview all(@Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = AUTHORITY) @RequestParam(required = false) String authority) {
        return overview.overview(OverviewParams.strict(overview, year, authority));
    }

    @GetMapping("/status")
    @Operation(summary = "Projects by lifecycle status, zeros included (year, authority)")
    List<Overview.Bucket> status(@Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = AUTHORITY) @RequestParam(required = false) String authority) {
        return all(year, authority).byStatus();
    }

    @GetMapping("/departments")
    @Operation(summary = "Projects by lead department, the largest " + ProvinceOverview.TOP_DEPARTMENTS + " then the others (year, authority)")
    List<Overview.DepartmentBucket> departments(@Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = AUTHORITY) @RequestParam(required = false) String authority) {
        return all(year, authority).byDepartment();
    }

    @GetMapping("/funnel")
    @Operation(summary = "The investment funnel per year of approval: approved → contracted → fund plans → disbursed → spent, yuan (year, authority)")
    List<Overview.FunnelYear> funnel(@Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = AUTHORITY) @RequestParam(required = false) String authority) {
        return all(year, authority).funnel();
    }

    @GetMapping("/overdue")
    @Operation(summary = "Overdue obligations by responsible department and type (year, authority)")
    List<Overview.OverdueDepartment> overdue(@Parameter(description = YEAR) @RequestParam(required = false) String year,
            @Parameter(description = AUTHORITY) @RequestParam(required = false) String authority) {
        return all(year, authority).overdue();
    }
}
