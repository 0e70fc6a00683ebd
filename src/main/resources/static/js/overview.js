// The overview's charts: numbers from the overview API (the page's filter in data-api), labels from the page's own
// fallback tables, so that every text stays in the message bundles and nothing user-typed is put into HTML.
(function () {
    'use strict';
    var root = document.getElementById('overview-charts');
    if (!root) {
        return;
    }
    if (!window.echarts) {
        root.setAttribute('data-rendered', 'unavailable');
        return;
    }
    function label(attribute, key) {
        var row = root.querySelector('[' + attribute + '="' + key + '"]');
        if (!row) {
            return String(key);
        }
        var named = row.querySelector('[data-label]');
        return (named || row).textContent.trim();
    }
    function chart(name) {
        var element = root.querySelector('[data-chart="' + name + '"]');
        return element ? echarts.init(element) : null;
    }
    function drill(instance, links) {
        instance.on('click', function (params) {
            var link = links[params.dataIndex];
            if (link) {
                window.location.href = link;
            }
        });
    }
    var colours = ['#1f5fa8', '#3a8fd8', '#5fb3b3', '#f0a43a', '#d9534f', '#7a68b5', '#8a9bb0', '#4caf50', '#b0703a'];
    fetch(root.getAttribute('data-api'), {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(function (response) {
            if (!response.ok) {
                throw new Error('overview ' + response.status);
            }
            return response.json();
        })
        .then(function (o) {
            var charts = [];
            var status = chart('status');
            if (status) {
                var shown = o.byStatus.filter(function (b) { return b.count > 0; });
                status.setOption({
                    animation: false, color: colours, tooltip: {trigger: 'item'},
                    series: [{type: 'pie', radius: ['35%', '70%'], label: {formatter: '{b}: {c}'},
                        data: shown.map(function (b) { return {name: label('data-label-status', b.key), value: b.count}; })}]
                });
                drill(status, shown.map(function (b) { return b.link; }));
                charts.push(status);
            }
            var department = chart('department');
            if (department) {
                var names = o.byDepartment.map(function (d, i) { return label('data-label-department', i); });
                department.setOption({
                    animation: false, color: colours, tooltip: {trigger: 'axis'},
                    grid: {left: 8, right: 24, top: 16, bottom: 8, containLabel: true},
                    xAxis: {type: 'value', minInterval: 1},
                    yAxis: {type: 'category', inverse: true, data: names, axisLabel: {width: 160, overflow: 'truncate'}},
                    series: [{type: 'bar', data: o.byDepartment.map(function (d) { return d.count; })}]
                });
                drill(department, o.byDepartment.map(function (d) { return d.link; }));
                charts.push(department);
            }
            var funnel = chart('funnel');
            if (funnel) {
                var stages = ['approved', 'contracted', 'fundPlans', 'disbursed', 'spent'];
                funnel.setOption({
                    animation: false, color: colours, tooltip: {trigger: 'axis'}, legend: {top: 0},
                    grid: {left: 8, right: 24, top: 40, bottom: 8, containLabel: true},
                    xAxis: {type: 'category', data: o.funnel.map(function (f) { return String(f.year); })},
                    yAxis: {type: 'value'},
                    series: stages.map(function (stage) {
                        return {name: label('data-label-funnel', stage), type: 'bar',
                            data: o.funnel.map(function (f) { return Number(f[stage]); })};
                    })
                });
                // A click on any bar of a year opens the projects approved that year.
                funnel.on('click', function (params) {
                    var year = o.funnel[params.dataIndex];
                    if (year && year.link) {
                        window.location.href = year.link;
                    }
                });
                charts.push(funnel);
            }
            var overdue = chart('overdue');
            if (overdue) {
                overdue.setOption({
                    animation: false, color: ['#d9534f'], tooltip: {trigger: 'axis'},
                    grid: {left: 8, right: 24, top: 16, bottom: 8, containLabel: true},
                    xAxis: {type: 'value', minInterval: 1},
                    yAxis: {type: 'category', inverse: true, axisLabel: {width: 200, overflow: 'truncate'},
                        data: o.overdue.map(function (d) { return label('data-label-overdue', d.organizationCode); })},
                    series: [{type: 'bar', data: o.overdue.map(function (d) { return d.count; })}]
                });
                drill(overdue, o.overdue.map(function (d) { return d.link; }));
                charts.push(overdue);
            }
            root.setAttribute('data-rendered', 'true');
            window.addEventListener('resize', function () {
                charts.forEach(function (c) { c.resize(); });
            });
        })
        .catch(function (error) {
            root.setAttribute('data-rendered', 'failed: ' + error);
        });
}());
