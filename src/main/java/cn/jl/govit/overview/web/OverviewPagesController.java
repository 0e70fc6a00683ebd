package cn.jl.govit.overview.web;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import cn.jl.govit.overview.Overview;
import cn.jl.govit.overview.OverviewFilter;
import cn.jl.govit.overview.ProvinceOverview;
import cn.jl.govit.project.ApprovalAuthority;

/**
 * The overview page: the numbers are rendered on the server (cards and the tables under the charts, readable without
 * JavaScript); the charts draw the same numbers as {@code /api/v1/overview} from {@code /overview/data} with the page's filter.
 */
@Controller
class OverviewPagesController {

    private final ProvinceOverview overview;

    OverviewPagesController(ProvinceOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/overview")
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) String authority,
            Model model) {
        OverviewFilter filter = OverviewParams.lenient(overview, year, authority);
        Overview data = overview.overview(filter);
        model.addAttribute("overview", data);
        model.addAttribute("topDepartments", ProvinceOverview.TOP_DEPARTMENTS);
        model.addAttribute("authorities", ApprovalAuthority.values());
        model.addAttribute("selectedAuthority", filter.authority() == null ? OverviewParams.ALL : filter.authority().name());
        StringBuilder query = new StringBuilder("authority=").append(filter.authority() == null
                ? OverviewParams.ALL : filter.authority().name());
        if (filter.year() != null) {
            query.append("&year=").append(filter.year());
        }
        model.addAttribute("dataUrl", "/overview/data?" + query);
        return "overview/overview";
    }

    /**
     * The same JSON as {@code GET /api/v1/overview} for the page's charts: the API is stateless HTTP Basic, so the
     * signed-in page reads it through its own session here, under the same role check and filter rules.
     */
    @GetMapping(path = "/overview/data", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Overview data(@RequestParam(required = false) String year, @RequestParam(required = false) String authority) {
        return overview.overview(OverviewParams.strict(overview, year, authority));
    }
}
