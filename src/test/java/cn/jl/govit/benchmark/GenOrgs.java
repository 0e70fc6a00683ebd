package cn.jl.govit.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The government units of the data set: for each province its departments (省直部门) and for each of its cities the
 * city bureaus (市直部门), all of kind DEPARTMENT with one department-staff user each; plus the departments already in
 * the database that have a department-staff user (the demo's RST, WJW, JYT), so that their users see generated
 * projects too. Codes: {@code G<province 2 digits><city 2 digits, 00 for the province><unit 2 digits>}.
 */
final class GenOrgs {

    /** A unit that leads projects: where it is, what it does, and the user who files its projects. */
    record Org(String code, String nameZh, String nameEn, String place, List<String> businesses, String user,
            boolean generated) {
    }

    private final List<Org> departments;
    private final List<Org> existing;
    private final List<Org> generated;

    private GenOrgs(List<Org> departments) {
        this.departments = departments;
        this.existing = departments.stream().filter(o -> !o.generated()).toList();
        this.generated = departments.stream().filter(Org::generated).toList();
    }

    /**
     * The lead of a project: one project in ten goes to the departments that were there (the demo's), so that their
     * users work on a realistic share of the portfolio; the rest to the generated units evenly.
     */
    Org lead(java.util.SplittableRandom r) {
        if (!existing.isEmpty() && r.nextInt(10) == 0) {
            return existing.get(r.nextInt(existing.size()));
        }
        return generated.get(r.nextInt(generated.size()));
    }

    int departmentCount() {
        return departments.size();
    }

    Org department(int i) {
        return departments.get(i);
    }

    List<Org> all() {
        return departments;
    }

    static GenOrgs build(Connection c, int provinces) throws SQLException {
        List<Org> list = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT o.code, o.name_zh, o.name_en, min(u.username) FROM organization o
                        JOIN app_user u ON u.organization_code = o.code AND 'DEPARTMENT_STAFF' = ANY (u.roles)
                        WHERE o.kind = 'DEPARTMENT' AND o.code NOT LIKE 'G%' GROUP BY o.code, o.name_zh, o.name_en
                        ORDER BY o.code""")) {
            while (rs.next()) {
                String zh = rs.getString(2);
                List<String> businesses = GenNames.PROVINCIAL_UNITS.stream().filter(u -> zh.contains(u.zh()))
                        .findFirst().map(GenNames.Unit::businesses).orElse(List.of("政务服务", "业务协同"));
                list.add(new Org(rs.getString(1), zh, rs.getString(3), "吉林省", businesses, rs.getString(4), false));
            }
        }
        for (int p = 0; p < provinces; p++) {
            GenNames.Province province = GenNames.PROVINCES.get(p);
            for (int u = 0; u < GenNames.PROVINCIAL_UNITS.size(); u++) {
                GenNames.Unit unit = GenNames.PROVINCIAL_UNITS.get(u);
                list.add(org(province.code(), 0, u + 1, province.name(), province.shortName(), unit));
            }
            for (int city = 0; city < province.cities().size(); city++) {
                String cityName = province.cities().get(city);
                for (int u = 0; u < GenNames.CITY_UNITS.size(); u++) {
                    list.add(org(province.code(), city + 1, u + 1, cityName, province.shortName() + " " + cityName,
                            GenNames.CITY_UNITS.get(u)));
                }
            }
        }
        return new GenOrgs(List.copyOf(list));
    }

    private static Org org(String province, int city, int unit, String place, String placeEn, GenNames.Unit u) {
        String code = String.format("G%s%02d%02d", province, city, unit);
        return new Org(code, place + u.zh(), placeEn + " " + u.en(), place, u.businesses(),
                "u" + code.toLowerCase(Locale.ROOT), true);
    }
}
